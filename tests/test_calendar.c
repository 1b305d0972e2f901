/*
 * test_calendar.c -- the future-event calendar against a naive model: a
 * plain array kept sorted by (time, seq), under long random sequences of
 * push, pop and cancel (property testing, as SQLite tests its structures
 * against simple ones). A third of the pushes are fixed (never cancelled,
 * no id): both kinds share one order.
 */
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_rng.h>

#include "spcsim/calendar.h"
#include "tests.h"

typedef struct {
    double time;
    uint64_t seq;
    spc_event_id id;
    uint64_t payload;
} model_ev;

typedef struct {
    model_ev *v;
    size_t n;
} model;

static void model_insert(model *m, model_ev e)
{
    size_t i = m->n;
    while (i > 0 && (m->v[i - 1].time > e.time ||
                     (m->v[i - 1].time == e.time && m->v[i - 1].seq > e.seq))) {
        m->v[i] = m->v[i - 1];
        i--;
    }
    m->v[i] = e;
    m->n++;
}

static void model_remove(model *m, size_t i)
{
    memmove(&m->v[i], &m->v[i + 1], (m->n - i - 1) * sizeof *m->v);
    m->n--;
}

/* One random operation; times drawn from few values so ties are common. */
static void step(spc_calendar *cal, model *m, gsl_rng *r, uint64_t *seq, double *now)
{
    double u = gsl_rng_uniform(r);
    if (u < 0.5 || m->n == 0) {
        double t = *now + (double)gsl_rng_uniform_int(r, 8);
        uint64_t payload = gsl_rng_get(r);
        spc_event_id id = 0;
        if (gsl_rng_uniform(r) < 1.0 / 3.0) {
            CU_ASSERT_FATAL(spc_calendar_push_fixed(cal, t, 7, 3, payload) == 1);
        } else {
            id = spc_calendar_push(cal, t, 7, 3, payload);
            CU_ASSERT_FATAL(id != 0);
        }
        model_insert(m, (model_ev){ t, (*seq)++, id, payload });
    } else if (u < 0.8) {
        spc_event ev;
        CU_ASSERT_FATAL(spc_calendar_pop(cal, &ev));
        CU_ASSERT_EQUAL(ev.id, m->v[0].id);
        CU_ASSERT_EQUAL(ev.time, m->v[0].time);
        CU_ASSERT_EQUAL(ev.kind, 7);
        CU_ASSERT_EQUAL(ev.a, 3);
        CU_ASSERT_EQUAL(ev.b, m->v[0].payload);
        CU_ASSERT(ev.time >= *now);
        *now = ev.time;
        model_remove(m, 0);
    } else {
        size_t i = gsl_rng_uniform_int(r, m->n);
        if (m->v[i].id == 0)
            return; /* fixed: cannot be cancelled */
        CU_ASSERT_EQUAL(spc_calendar_cancel(cal, m->v[i].id), 1);
        CU_ASSERT_EQUAL(spc_calendar_cancel(cal, m->v[i].id), 0); /* twice: no */
        model_remove(m, i);
    }
    CU_ASSERT_EQUAL_FATAL(spc_calendar_size(cal), m->n);
}

static void test_random_operations(void)
{
    const int steps = 200000;
    spc_calendar *cal = spc_calendar_alloc(1);
    model m = { malloc((size_t)steps * sizeof(model_ev)), 0 };
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 12345);
    uint64_t seq = 0;
    double now = 0;
    for (int i = 0; i < steps; i++)
        step(cal, &m, r, &seq, &now);
    /* drain: everything left comes out in model order */
    spc_event ev;
    for (size_t i = 0; i < m.n; i++) {
        CU_ASSERT_FATAL(spc_calendar_pop(cal, &ev));
        CU_ASSERT_EQUAL(ev.id, m.v[i].id);
        CU_ASSERT_EQUAL(ev.b, m.v[i].payload);
    }
    CU_ASSERT_EQUAL(spc_calendar_pop(cal, &ev), 0);
    gsl_rng_free(r);
    free(m.v);
    spc_calendar_free(cal);
}

static void test_ties_fifo(void)
{
    spc_calendar *cal = spc_calendar_alloc(4);
    for (uint64_t i = 0; i < 100; i++)
        spc_calendar_push(cal, 5.0, 1, 0, i);
    spc_event ev;
    for (uint64_t i = 0; i < 100; i++) {
        CU_ASSERT_FATAL(spc_calendar_pop(cal, &ev));
        CU_ASSERT_EQUAL(ev.b, i);
    }
    spc_calendar_free(cal);
}

static void test_cancel_and_stale_ids(void)
{
    spc_calendar *cal = spc_calendar_alloc(2);
    spc_event_id a = spc_calendar_push(cal, 1.0, 1, 0, 1);
    spc_event_id b = spc_calendar_push(cal, 2.0, 1, 0, 2);
    CU_ASSERT(spc_calendar_pending(cal, b));
    CU_ASSERT_EQUAL(spc_calendar_cancel(cal, 0), 0);
    spc_event ev;
    CU_ASSERT(spc_calendar_pop(cal, &ev) && ev.id == a);
    /* a's slot is reused; the stale id must not cancel the new event */
    spc_event_id c = spc_calendar_push(cal, 3.0, 1, 0, 3);
    CU_ASSERT_NOT_EQUAL(c, a);
    CU_ASSERT_EQUAL(spc_calendar_cancel(cal, a), 0);
    CU_ASSERT(!spc_calendar_pending(cal, a));
    CU_ASSERT_EQUAL(spc_calendar_cancel(cal, b), 1);
    CU_ASSERT_EQUAL(spc_calendar_peek_time(cal), 3.0);
    CU_ASSERT(spc_calendar_pop(cal, &ev) && ev.id == c);
    CU_ASSERT_EQUAL(spc_calendar_size(cal), 0);
    spc_calendar_free(cal);
    spc_calendar_free(NULL);
}

static const CU_TestInfo tests[] = {
    { "random push/pop/cancel against a sorted array", test_random_operations },
    { "equal times come out first in, first out", test_ties_fifo },
    { "cancel, and ids of finished events stay dead", test_cancel_and_stale_ids },
    CU_TEST_INFO_NULL
};

int tests_calendar(void) { return tests_add_suite("calendar", tests); }
