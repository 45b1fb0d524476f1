/* names.c - name lists for generated storm authors. */
#include "names.h"

const char *const sd_first_names[] = {
    "Anna", "Åsa", "Björn", "Elin", "Erik", "Fatima", "Göran", "Hanna", "Ida", "Jonas",
    "Karin", "Lars", "Leila", "Linnea", "Magnus", "Maria", "Mats", "Mohammed", "Nils",
    "Olivia", "Per", "Sara", "Sofia", "Stina", "Sven", "Tove", "Ulf", "Yusuf", "Zara", "Örjan",
    "Agnes", "Ahmed", "Ebba", "Gunnel", "Hampus", "Jenny", "Kalle", "Lena", "Maja", "Pontus"};
const size_t sd_n_first_names = sizeof sd_first_names / sizeof sd_first_names[0];

const char *const sd_last_names[] = {
    "Andersson", "Berg", "Björk", "Dahl", "Ek", "Forsberg", "Gustafsson", "Hassan",
    "Holm", "Johansson", "Karlsson", "Lindqvist", "Lund", "Nilsson", "Nyström", "Persson",
    "Sandberg", "Sjöberg", "Ström", "Svensson", "Wallin", "Åberg", "Öberg", "Yilmaz"};
const size_t sd_n_last_names = sizeof sd_last_names / sizeof sd_last_names[0];
