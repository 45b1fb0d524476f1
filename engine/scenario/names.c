/* names.c - name lists for generated storm authors; what a handle may be. */
#include "names.h"

#include <string.h>

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

const char *sd_handle_problem(const char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return "is empty";
    if (n > SD_MAX_HANDLE_BYTES)
        return "is longer than 50 characters";
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '.'))
            return "may only have the letters a-z and A-Z, digits, '_' and '.'";
    return NULL;
}
