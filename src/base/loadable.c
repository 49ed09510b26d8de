/*
** loadable.c — shared modules loaded on first use (see loadable.h).
*/
#include "base/loadable.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The modules loaded so far (never unloaded: what they return may be in
** use until the process ends). */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	const char *file;
	void *handle;
} loaded[8];
static size_t nloaded;

/* The folder of the running program, with a trailing slash, into dir;
** false with errno set when /proc/self/exe cannot be read. */
static bool program_folder(char *dir, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", dir, size - 1);
	char *slash;

	if(n < 0)
		return false;
	if((size_t)n >= size - 1) {
		errno = ENAMETOOLONG;
		return false;
	}
	dir[n] = '\0';
	if(!(slash = strrchr(dir, '/'))) {
		errno = ENOENT;
		return false;
	}
	slash[1] = '\0';
	return true;
}

void *loadable_symbol(const char *file, const char *symbol, struct styr_error *err)
{
	char path[PATH_MAX + 64];
	void *handle = NULL, *sym = NULL;

	pthread_mutex_lock(&lock);
	for(size_t i = 0; i < nloaded && !handle; i++)
		if(!strcmp(loaded[i].file, file))
			handle = loaded[i].handle;
	if(handle)
		goto found;
	if(!program_folder(path, PATH_MAX)) {
		styr_error_set(err, STYR_EIO, "%s: cannot find the folder of the program: %s",
		               file, strerror(errno));
		goto done;
	}
	strncat(path, file, sizeof(path) - strlen(path) - 1);
	/* dlerror's message names the file: "/…/build/styr-pdf.so: cannot open
	** shared object file: No such file or directory" */
	if(!(handle = dlopen(path, RTLD_LAZY | RTLD_LOCAL))) {
		styr_error_set(err, STYR_EIO, "cannot load a part of styr this needs: %s", dlerror());
		goto done;
	}
	if(nloaded < sizeof(loaded) / sizeof(loaded[0])) {
		loaded[nloaded].file = file;
		loaded[nloaded++].handle = handle;
	}
found:
	if(!(sym = dlsym(handle, symbol)))
		styr_error_set(err, STYR_EIO, "%s: not a part of styr (no %s)", file, symbol);
done:
	pthread_mutex_unlock(&lock);
	return sym;
}
