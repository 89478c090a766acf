/* role.h - the roles a reviewer may hold, as bits: a person may hold
 * several. What each role may do is in the procedure table and the core's
 * checks, never in the interface alone. */
#ifndef PTCE_ROLE_H
#define PTCE_ROLE_H

#include <stddef.h>

enum role {
	ROLE_INSTRUCTEUR = 1 << 0,
	ROLE_COORDINATEUR = 1 << 1,
	ROLE_EXPERT = 1 << 2,
	ROLE_LECTEUR = 1 << 3,
	ROLE_ADMIN = 1 << 4,
};
#define ROLE_COUNT 5

/* role_names - the stored name of each bit, in bit order, NULL-terminated. */
extern const char *const role_names[ROLE_COUNT + 1];

/* role_parse - bit of a role name, 0 if unknown. */
unsigned role_parse(const char *name);
/* roles_format - "coordinateur, admin" into buf. */
char *roles_format(unsigned roles, char *buf, size_t len);
/* roles_sql - "'instructeur', 'coordinateur'": the names of the roles as an
 * SQL list, for role IN (...); a fresh string. */
char *roles_sql(unsigned roles);

#endif
