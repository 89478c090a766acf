/* role.c - role names and their bits. */
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/text.h"
#include "procedure/role.h"

const char *const role_names[ROLE_COUNT + 1] = {
	"instructeur", "coordinateur", "expert", "lecteur", "admin", NULL
};

#define PERMISSION_ROW(id, name, roles, conflict, help) [id] = {id, name, roles, conflict, help},
const struct permission_def permission_table[OP_COUNT] = { PERMISSION_OPS(PERMISSION_ROW) };
#undef PERMISSION_ROW

int role_may(unsigned roles, enum permission_op op)
{
	return (unsigned)op < OP_COUNT && (roles & permission_table[op].roles) != 0;
}

unsigned role_parse(const char *name)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (strcmp(name, role_names[i]) == 0)
			return 1u << i;
	return 0;
}

char *roles_format(unsigned roles, char *buf, size_t len)
{
	buf[0] = '\0';
	for (int i = 0; i < ROLE_COUNT; i++) {
		if (roles & (1u << i))
			text_join(buf, len, ", ", role_names[i]);
	}
	return buf;
}

char *roles_sql(unsigned roles)
{
	char *sql = xstrdup("");
	for (int i = 0; i < ROLE_COUNT; i++)
		if (roles & (1u << i))
			xappendf(&sql, "%s'%s'", *sql ? ", " : "", role_names[i]);
	return sql;
}
