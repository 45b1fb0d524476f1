/* feed_image.c - the posts' pictures: a path as the scenario gives it (relative to the
 * scenario file's folder, else to assets/images/; the loader has checked it) loaded with
 * IMG_Load into a texture once, kept in a small cache (FV_IMAGES, least recently drawn
 * evicted). A picture that cannot be loaded is remembered as such and not tried again
 * every frame; the card then shows its description instead. */
#include "feed_internal.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/scenario.h"
#include "scoring/texts.h"

#define IMG_MAX_SIDE 1600 /* a larger picture is scaled down once, at load */

/* Loads path into im->tex (NULL when it cannot be): found the way the loader checked it
 * (sd_scenario_image_check: relative, no "..", the scenario's folder, then
 * assets/images/; at most SD_MAX_IMAGE_BYTES; a PNG, JPEG or BMP), so that a path from a
 * log being replayed goes through the same check. */
static bool load(sd_app *app, const char *path, fv_image *im)
{
    im->tex = NULL;
    char *found = NULL;
    sd_error e = SD_ERROR_INIT;
    const char *dir = app->sc ? app->sc->dir : NULL;
    const char *assets = app->sc && app->sc->assets_dir ? app->sc->assets_dir : sd_assets_dir();
    if (sd_scenario_image_check(path, dir, assets, &found, &e) != SD_OK) {
        sd_error_clear(&e);
        return false;
    }
    SDL_Surface *s = IMG_Load(found);
    free(found);
    if (!s)
        return false;
    if (s->w > IMG_MAX_SIDE || s->h > IMG_MAX_SIDE) {
        double k = (double)IMG_MAX_SIDE / (s->w > s->h ? s->w : s->h);
        int w = (int)(s->w * k), h = (int)(s->h * k);
        SDL_Surface *small = SDL_CreateRGBSurfaceWithFormat(0, w > 0 ? w : 1, h > 0 ? h : 1, 32,
                                                            SDL_PIXELFORMAT_ARGB8888);
        if (small && SDL_BlitScaled(s, NULL, small, NULL) == 0) {
            SDL_FreeSurface(s);
            s = small;
        } else if (small) {
            SDL_FreeSurface(small);
        }
    }
    im->tex = SDL_CreateTextureFromSurface(app->ren, s);
    im->w = s->w;
    im->h = s->h;
    SDL_FreeSurface(s);
    if (!im->tex)
        im->w = im->h = 0;
    return im->tex != NULL;
}

SDL_Texture *sd_image_get(sd_app *app, sd_feedview *fv, const char *path, int *w, int *h)
{
    if (!path || !*path)
        return NULL;
    fv_image *slot = NULL;
    for (size_t i = 0; i < FV_IMAGES; i++) {
        fv_image *im = &fv->images[i];
        if (im->path[0] && strcmp(im->path, path) == 0) {
            im->used = app->frames + 1;
            *w = im->w;
            *h = im->h;
            return im->tex;
        }
        if (!slot || im->used < slot->used)
            slot = im; /* empty slots have used 0 */
    }
    if (slot->tex)
        SDL_DestroyTexture(slot->tex);
    snprintf(slot->path, sizeof slot->path, "%s", path);
    slot->used = app->frames + 1;
    slot->w = slot->h = 0;
    load(app, path, slot);
    *w = slot->w;
    *h = slot->h;
    return slot->tex;
}

void sd_image_free_all(sd_feedview *fv)
{
    for (size_t i = 0; i < FV_IMAGES; i++) {
        if (fv->images[i].tex)
            SDL_DestroyTexture(fv->images[i].tex);
        fv->images[i] = (fv_image){0};
    }
}
