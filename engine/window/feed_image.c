/* feed_image.c - the posts' pictures: a path as the scenario gives it (relative to the
 * scenario file's folder, else to assets/images/; the loader has checked it) loaded with
 * IMG_Load into a texture once, kept in a small cache (FV_IMAGES, least recently drawn
 * evicted). A picture that cannot be loaded is remembered as such and not tried again
 * every frame; the card then shows its description instead. */
#include "feed_internal.h"

#include <SDL_image.h>
#include <stdio.h>
#include <string.h>

#include "scoring/texts.h"

static bool load(sd_app *app, const char *path, fv_image *im)
{
    char full[1200];
    const char *sp = app->sc && app->sc->path ? app->sc->path : "";
    const char *slash = strrchr(sp, '/');
    SDL_Surface *s = NULL;
    if (slash) {
        snprintf(full, sizeof full, "%.*s/%s", (int)(slash - sp), sp, path);
        s = IMG_Load(full);
    } else {
        s = IMG_Load(path);
    }
    if (!s) {
        snprintf(full, sizeof full, "%s/images/%s", sd_assets_dir(), path);
        s = IMG_Load(full);
    }
    im->tex = NULL;
    if (!s)
        return false;
    im->tex = SDL_CreateTextureFromSurface(app->ren, s);
    im->w = s->w;
    im->h = s->h;
    SDL_FreeSurface(s);
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
