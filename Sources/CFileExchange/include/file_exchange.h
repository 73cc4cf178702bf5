#ifndef CORRIDOR_FILE_EXCHANGE_H
#define CORRIDOR_FILE_EXCHANGE_H

/*
 * Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): afterwards `first` names what `second`
 * named and the other way round. Both must exist. Returns 0, or -1 with errno set (ENOSYS or EINVAL where the
 * kernel or the file system cannot exchange).
 */
int corridor_exchange_paths(const char *first, const char *second);

#endif
