#ifndef CGLPK_GUARD_H
#define CGLPK_GUARD_H

/// The version string of the GLPK library linked in, e.g. "5.0".
const char *cglpk_version(void);

#endif
