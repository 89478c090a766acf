/* dossier.h - a candidature dossier: its fields and their checks, reading
 * it, saving what the applicant filed, its history and the listing; one
 * include for the callers of all of them. */
#ifndef PTCE_DOSSIER_H
#define PTCE_DOSSIER_H

#include "procedure/dossier_list.h"
#include "procedure/dossier_load.h"
#include "procedure/dossier_save.h"
#include "procedure/field.h"
#include "procedure/history.h"

#endif
