// libpq, PostgreSQL's C client library (Debian: libpq-dev), for the PostgreSQL engine of mq.
#ifndef MQ_POSTGRES_SHIM_H
#define MQ_POSTGRES_SHIM_H
#include <libpq-fe.h>
#endif
