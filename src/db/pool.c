/*
** pool.c — a pool of open stores and retrying transactions (see pool.h).
*/
#include "db/pool.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "base/strbuf.h"
#include "db/store.h"

struct store_pool {
	pthread_mutex_t lock;
	pthread_cond_t back;
	char *path;
	unsigned flags;
	size_t size, opened;  /* at most size stores exist; opened of them do */
	struct store **idle;
	size_t nidle;
	int wait_ms;
};

enum styr_rc store_pool_new(const char *path, unsigned flags, size_t size,
                            struct store_pool **out, struct styr_error *err)
{
	struct store_pool *p;
	struct store *s;
	enum styr_rc rc;

	*out = NULL;
	if(size < 1 || size > 1024)
		return styr_error_set(err, STYR_EINVAL, "a pool holds 1-1024 stores, not %zu", size);
	rc = store_open(path, flags, &s, err);
	if(rc)
		return rc;
	p = xcalloc(1, sizeof(*p));
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->back, NULL);
	p->path = xstrdup(path);
	p->flags = flags & ~(unsigned)(STORE_CREATE | STORE_NEW);
	p->size = size;
	p->idle = xcalloc(size, sizeof(*p->idle));
	p->idle[p->nidle++] = s;
	p->opened = 1;
	p->wait_ms = s->busy_ms;
	*out = p;
	return STYR_OK;
}

void store_pool_free(struct store_pool *p)
{
	if(!p)
		return;
	for(size_t i = 0; i < p->nidle; i++)
		store_close(p->idle[i]);
	pthread_cond_destroy(&p->back);
	pthread_mutex_destroy(&p->lock);
	free(p->idle);
	free(p->path);
	free(p);
}

enum styr_rc store_pool_get(struct store_pool *p, struct store **out, struct styr_error *err)
{
	struct timespec until = clock_wait_until(p->wait_ms);
	enum styr_rc rc;

	*out = NULL;
	pthread_mutex_lock(&p->lock);
	while(!p->nidle && p->opened == p->size)
		if(pthread_cond_timedwait(&p->back, &p->lock, &until) == ETIMEDOUT && !p->nidle
		   && p->opened == p->size) {
			pthread_mutex_unlock(&p->lock);
			return styr_error_set(err, STYR_EBUSY, "%s: all %zu connections are in use;"
			                      " nothing was stored", p->path, p->size);
		}
	if(p->nidle) {
		*out = p->idle[--p->nidle];
		pthread_mutex_unlock(&p->lock);
	} else {
		p->opened++;
		pthread_mutex_unlock(&p->lock);
		rc = store_open(p->path, p->flags, out, err);
		if(rc) {
			pthread_mutex_lock(&p->lock);
			p->opened--;
			pthread_cond_signal(&p->back);
			pthread_mutex_unlock(&p->lock);
			return rc;
		}
	}
	store_set_user(*out, "styr");
	store_set_command(*out, NULL);
	return STYR_OK;
}

void store_pool_put(struct store_pool *p, struct store *s)
{
	if(!s)
		return;
	while(store_in_transaction(s))
		store_rollback(s);
	pthread_mutex_lock(&p->lock);
	if(store_broken(s)) {
		store_close(s);
		p->opened--;
	} else {
		p->idle[p->nidle++] = s;
	}
	pthread_cond_signal(&p->back);
	pthread_mutex_unlock(&p->lock);
}

enum styr_rc store_transaction(struct store *s,
                               enum styr_rc (*fn)(struct store *s, void *ctx,
                                                  struct styr_error *err),
                               void *ctx, struct styr_error *err)
{
	int before = s->work_commits;
	enum styr_rc rc;

	for(int attempt = 1;; attempt++) {
		/* The work store_retry runs again is this transaction alone. */
		s->work_commits = 0;
		rc = store_begin(s, err);
		if(!rc)
			rc = fn(s, ctx, err);
		if(!rc)
			rc = store_commit(s, err);
		if(rc && store_in_transaction(s))
			store_rollback(s);
		if(!rc || !store_retry(s, attempt))
			break;
	}
	s->work_commits += before;
	return rc;
}
