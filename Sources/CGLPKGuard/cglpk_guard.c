/*
 * GLPK behind a setjmp guard (the pattern of GLPK's examples/threads/multiseed.c and igraph's
 * glpk_support.c): GLPK reports a bad argument or a failed internal assertion by printing and calling
 * abort(). The error hook installed here frees the thread's environment and longjmps back into the guarded
 * function instead. setjmp must live in the C function that calls GLPK: a longjmp may not cross Swift frames,
 * and setjmp's frame must still be active when longjmp runs, so it cannot sit in a helper that returns.
 */
#include "cglpk_guard.h"

#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(CGLPK_EBADB == GLP_EBADB, "GLP_EBADB mirrored wrongly");
_Static_assert(CGLPK_ESING == GLP_ESING, "GLP_ESING mirrored wrongly");
_Static_assert(CGLPK_ECOND == GLP_ECOND, "GLP_ECOND mirrored wrongly");
_Static_assert(CGLPK_EBOUND == GLP_EBOUND, "GLP_EBOUND mirrored wrongly");
_Static_assert(CGLPK_EFAIL == GLP_EFAIL, "GLP_EFAIL mirrored wrongly");
_Static_assert(CGLPK_EOBJLL == GLP_EOBJLL, "GLP_EOBJLL mirrored wrongly");
_Static_assert(CGLPK_EOBJUL == GLP_EOBJUL, "GLP_EOBJUL mirrored wrongly");
_Static_assert(CGLPK_EITLIM == GLP_EITLIM, "GLP_EITLIM mirrored wrongly");
_Static_assert(CGLPK_ETMLIM == GLP_ETMLIM, "GLP_ETMLIM mirrored wrongly");
_Static_assert(CGLPK_ENOPFS == GLP_ENOPFS, "GLP_ENOPFS mirrored wrongly");
_Static_assert(CGLPK_ENODFS == GLP_ENODFS, "GLP_ENODFS mirrored wrongly");
_Static_assert(CGLPK_UNDEF == GLP_UNDEF, "GLP_UNDEF mirrored wrongly");
_Static_assert(CGLPK_FEAS == GLP_FEAS, "GLP_FEAS mirrored wrongly");
_Static_assert(CGLPK_INFEAS == GLP_INFEAS, "GLP_INFEAS mirrored wrongly");
_Static_assert(CGLPK_NOFEAS == GLP_NOFEAS, "GLP_NOFEAS mirrored wrongly");
_Static_assert(CGLPK_OPT == GLP_OPT, "GLP_OPT mirrored wrongly");
_Static_assert(CGLPK_UNBND == GLP_UNBND, "GLP_UNBND mirrored wrongly");

struct cglpk_problem {
    glp_prob *glpk;
    pthread_t thread;
    /* The value of environment_generation when the problem was created. */
    unsigned long generation;
    /* Whether glp_scale_prob's factors are in place. */
    int scaled;
};

/* Advanced whenever this thread's GLPK environment is freed; problems of older generations are gone. */
static _Thread_local unsigned long environment_generation = 1;

typedef struct guard {
    jmp_buf jump;
    char *message;
    size_t capacity;
    size_t length;
    int at_error;
} guard;

static void guard_clear(guard *g) {
    g->length = 0;
    if (g->message != NULL && g->capacity > 0) g->message[0] = '\0';
}

static void guard_append(guard *g, const char *text) {
    if (g->message == NULL || g->capacity == 0) return;
    size_t room = g->capacity - 1 - g->length;
    size_t count = strlen(text);
    if (count > room) count = room;
    memcpy(g->message + g->length, text, count);
    g->length += count;
    g->message[g->length] = '\0';
}

/* Keeps everything GLPK would print; once GLPK enters its error state, keeps only the error's text.
   Returning non-zero stops GLPK from writing to stdout, which carries our results. */
static int terminal_hook(void *info, const char *text) {
    guard *g = info;
    if (glp_at_error() && !g->at_error) {
        g->at_error = 1;
        guard_clear(g);
    }
    guard_append(g, text);
    return 1;
}

static void error_hook(void *info) {
    guard *g = info;
    glp_free_env();
    longjmp(g->jump, 1);
}

static void guard_start(guard *g, char *message, size_t capacity) {
    g->message = message;
    g->capacity = capacity;
    g->at_error = 0;
    guard_clear(g);
    glp_term_hook(terminal_hook, g);
    glp_error_hook(error_hook, g);
}

static void guard_end(void) {
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
}

/* Called after the longjmp: the environment (hooks included) is already freed. */
static int guard_fault(guard *g) {
    environment_generation += 1;
    if (g->length == 0) guard_append(g, "GLPK's error hook fired without a message");
    return CGLPK_FAULT;
}

static void write_message(char *message, size_t capacity, const char *text) {
    guard g;
    g.message = message;
    g.capacity = capacity;
    guard_clear(&g);
    guard_append(&g, text);
}

static int check_handle(const cglpk_problem *problem, char *message, size_t capacity) {
    if (problem == NULL) {
        write_message(message, capacity, "no GLPK problem");
        return CGLPK_DEAD;
    }
    if (!pthread_equal(problem->thread, pthread_self())) {
        write_message(message, capacity, "GLPK problem used on a thread other than the one that created it");
        return CGLPK_WRONG_THREAD;
    }
    if (problem->glpk == NULL || problem->generation != environment_generation) {
        write_message(message, capacity,
                      "GLPK problem was freed together with its thread's environment (an earlier GLPK fault "
                      "or an environment release on this thread)");
        return CGLPK_DEAD;
    }
    return CGLPK_OK;
}

/* Opens a guarded section on a loaded problem: checks the handle (returning its status from the caller
 * if it is dead or on another thread), installs the hooks, and sets the jump point. It is a macro because
 * setjmp must run in the frame of the function that calls GLPK; after a fault the caller returns
 * CGLPK_FAULT. Every section ends with guard_end() before returning CGLPK_OK. */
#define GUARDED_SECTION(problem, message, capacity)                                   \
    guard g;                                                                          \
    do {                                                                              \
        int handle_status = check_handle((problem), (message), (capacity));           \
        if (handle_status != CGLPK_OK) return handle_status;                          \
    } while (0);                                                                      \
    guard_start(&g, (message), (capacity));                                           \
    if (setjmp(g.jump) != 0) return guard_fault(&g)

/* The one place bound types are chosen. lower == upper must be GLP_FX: a GLP_DB variable with
   lb >= ub makes glp_simplex fail with GLP_EBOUND. Infinite means "no bound on that side". */
static void set_bounds(glp_prob *P, int is_row, int index, double lower, double upper) {
    int has_lower = isfinite(lower), has_upper = isfinite(upper);
    int type;
    if (has_lower && has_upper) {
        type = lower == upper ? GLP_FX : GLP_DB;
    } else if (has_lower) {
        type = GLP_LO;
        upper = 0.0;
    } else if (has_upper) {
        type = GLP_UP;
        lower = 0.0;
    } else {
        type = GLP_FR;
        lower = 0.0;
        upper = 0.0;
    }
    if (is_row) {
        glp_set_row_bnds(P, index, type, lower, upper);
    } else {
        glp_set_col_bnds(P, index, type, lower, upper);
    }
}

/* Runs inside a guarded function. CGLPK_BASIS_HELD (or an unknown value) keeps the basis. */
static void replace_basis(glp_prob *P, int basis) {
    switch (basis) {
    case CGLPK_BASIS_STANDARD: glp_std_basis(P); break;
    case CGLPK_BASIS_ADVANCED: glp_adv_basis(P, 0); break;
    case CGLPK_BASIS_BIXBY: glp_cpx_basis(P); break;
    default: break;
    }
}

const char *cglpk_version(void) { return glp_version(); }

int cglpk_create(const cglpk_model *model, cglpk_problem **problem, char *message, size_t capacity) {
    *problem = NULL;
    cglpk_problem *handle = malloc(sizeof *handle);
    if (handle == NULL) {
        write_message(message, capacity, "out of memory");
        return CGLPK_FAILED;
    }
    guard g;
    guard_start(&g, message, capacity);
    if (setjmp(g.jump) != 0) {
        free(handle);
        return guard_fault(&g);
    }
    glp_prob *P = glp_create_prob();
    glp_set_obj_dir(P, model->maximize ? GLP_MAX : GLP_MIN);
    if (model->row_count > 0) glp_add_rows(P, model->row_count);
    if (model->column_count > 0) glp_add_cols(P, model->column_count);
    const char *name = model->names;
    for (int i = 0; i < model->row_count; i++) {
        if (name != NULL) {
            glp_set_row_name(P, i + 1, name);
            name += strlen(name) + 1;
        }
        set_bounds(P, 1, i + 1, model->row_lower[i], model->row_upper[i]);
    }
    for (int j = 0; j < model->column_count; j++) {
        if (name != NULL) {
            glp_set_col_name(P, j + 1, name);
            name += strlen(name) + 1;
        }
        set_bounds(P, 0, j + 1, model->column_lower[j], model->column_upper[j]);
        glp_set_obj_coef(P, j + 1, model->objective[j]);
    }
    glp_set_obj_coef(P, 0, model->objective_constant);
    glp_load_matrix(P, model->entry_count, model->entry_rows, model->entry_columns, model->entry_values);
    guard_end();
    handle->glpk = P;
    handle->thread = pthread_self();
    handle->generation = environment_generation;
    handle->scaled = 0;
    *problem = handle;
    return CGLPK_OK;
}

void cglpk_destroy(cglpk_problem *problem) {
    if (problem == NULL) return;
    if (check_handle(problem, NULL, 0) == CGLPK_OK) {
        guard g;
        guard_start(&g, NULL, 0);
        if (setjmp(g.jump) == 0) {
            glp_delete_prob(problem->glpk);
            guard_end();
        } else {
            guard_fault(&g);
        }
    }
    free(problem);
}

int cglpk_simplex(cglpk_problem *problem, const cglpk_simplex_parameters *parameters,
                  cglpk_simplex_outcome *outcome, char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    glp_prob *P = problem->glpk;
    if (parameters->scale && !problem->scaled) {
        glp_scale_prob(P, GLP_SF_AUTO);
    } else if (!parameters->scale && problem->scaled) {
        glp_unscale_prob(P);
    }
    problem->scaled = parameters->scale != 0;
    replace_basis(P, parameters->starting_basis);
    glp_smcp control;
    glp_init_smcp(&control);
    control.msg_lev = GLP_MSG_OFF;
    control.meth = parameters->dual ? GLP_DUALP : GLP_PRIMAL;
    control.presolve = parameters->presolve ? GLP_ON : GLP_OFF;
    if (parameters->iteration_limit >= 0) control.it_lim = parameters->iteration_limit;
    if (parameters->time_limit_ms >= 0) control.tm_lim = parameters->time_limit_ms;
    int iterations_before = glp_get_it_cnt(P);
    outcome->return_code = glp_simplex(P, &control);
    outcome->status = glp_get_status(P);
    outcome->primal_status = glp_get_prim_stat(P);
    outcome->dual_status = glp_get_dual_stat(P);
    outcome->objective = glp_get_obj_val(P);
    outcome->iterations = glp_get_it_cnt(P) - iterations_before;
    guard_end();
    return CGLPK_OK;
}

int cglpk_reset_basis(cglpk_problem *problem, int basis, char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    replace_basis(problem->glpk, basis);
    guard_end();
    return CGLPK_OK;
}

int cglpk_get_solution(cglpk_problem *problem, double *column_values, double *column_reduced_costs,
                       double *row_activities, double *row_duals, char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    glp_prob *P = problem->glpk;
    int rows = glp_get_num_rows(P), columns = glp_get_num_cols(P);
    for (int j = 0; j < columns; j++) {
        column_values[j] = glp_get_col_prim(P, j + 1);
        column_reduced_costs[j] = glp_get_col_dual(P, j + 1);
    }
    for (int i = 0; i < rows; i++) {
        row_activities[i] = glp_get_row_prim(P, i + 1);
        row_duals[i] = glp_get_row_dual(P, i + 1);
    }
    guard_end();
    return CGLPK_OK;
}

int cglpk_set_row_bounds(cglpk_problem *problem, int count, const int *rows, const double *lower,
                         const double *upper, char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    for (int k = 0; k < count; k++) set_bounds(problem->glpk, 1, rows[k] + 1, lower[k], upper[k]);
    guard_end();
    return CGLPK_OK;
}

int cglpk_set_column_bounds(cglpk_problem *problem, int count, const int *columns, const double *lower,
                            const double *upper, char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    for (int k = 0; k < count; k++) set_bounds(problem->glpk, 0, columns[k] + 1, lower[k], upper[k]);
    guard_end();
    return CGLPK_OK;
}

int cglpk_set_objective(cglpk_problem *problem, int count, const int *columns, const double *coefficients,
                        char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    for (int k = 0; k < count; k++) glp_set_obj_coef(problem->glpk, columns[k] + 1, coefficients[k]);
    guard_end();
    return CGLPK_OK;
}

int cglpk_add_columns(cglpk_problem *problem, int count, const double *lower, const double *upper,
                      const double *objective, const int *starts, const int *rows, const double *values,
                      char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    glp_prob *P = problem->glpk;
    int first = glp_add_cols(P, count);
    for (int k = 0; k < count; k++) {
        int column = first + k;
        set_bounds(P, 0, column, lower[k], upper[k]);
        glp_set_obj_coef(P, column, objective[k]);
        int length = starts[k + 1] - starts[k];
        /* GLPK's arrays are 1-based: element 0 is ignored, so pass one before the entries. */
        glp_set_mat_col(P, column, length, rows + starts[k] - 1, values + starts[k] - 1);
    }
    guard_end();
    return CGLPK_OK;
}

int cglpk_add_rows(cglpk_problem *problem, int count, const double *lower, const double *upper, const int *starts,
                   const int *columns, const double *values, char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    glp_prob *P = problem->glpk;
    int first = glp_add_rows(P, count);
    for (int k = 0; k < count; k++) {
        int row = first + k;
        set_bounds(P, 1, row, lower[k], upper[k]);
        int length = starts[k + 1] - starts[k];
        glp_set_mat_row(P, row, length, columns + starts[k] - 1, values + starts[k] - 1);
        /* A new row enters with its auxiliary variable basic, so the basis stays a basis. */
        glp_set_row_stat(P, row, GLP_BS);
    }
    guard_end();
    return CGLPK_OK;
}

int cglpk_delete_nonbasic_columns(cglpk_problem *problem, int count, const int *columns, int *deleted,
                                   char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    glp_prob *P = problem->glpk;
    int *numbers = count > 0 ? malloc(sizeof(int) * (size_t)(count + 1)) : NULL;
    int chosen = 0;
    for (int k = 0; k < count; k++) {
        deleted[k] = glp_get_col_stat(P, columns[k] + 1) != GLP_BS;
        if (deleted[k]) numbers[++chosen] = columns[k] + 1;
    }
    if (chosen > 0) glp_del_cols(P, chosen, numbers);
    free(numbers);
    guard_end();
    return CGLPK_OK;
}

int cglpk_delete_basic_rows(cglpk_problem *problem, int count, const int *rows, int *deleted, char *message,
                            size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    glp_prob *P = problem->glpk;
    int *numbers = count > 0 ? malloc(sizeof(int) * (size_t)(count + 1)) : NULL;
    int chosen = 0;
    for (int k = 0; k < count; k++) {
        deleted[k] = glp_get_row_stat(P, rows[k] + 1) == GLP_BS;
        if (deleted[k]) numbers[++chosen] = rows[k] + 1;
    }
    if (chosen > 0) glp_del_rows(P, chosen, numbers);
    free(numbers);
    guard_end();
    return CGLPK_OK;
}

static _Thread_local double thread_deadline = 0;

void cglpk_set_thread_deadline(double seconds) { thread_deadline = seconds; }

double cglpk_thread_deadline(void) { return thread_deadline; }

void cglpk_free_environment(void) {
    environment_generation += 1;
    glp_free_env();
}

int cglpk_provoke_fault(cglpk_problem *problem, int kind, char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    glp_prob *P = problem->glpk;
    int row = glp_add_rows(P, 1);
    if (kind == 0) {
        glp_set_row_name(P, row, "bad\001name");
    } else {
        int column = glp_add_cols(P, 1);
        int rows[3] = {0, row, row}, columns[3] = {0, column, column};
        double values[3] = {0.0, 1.0, 1.0};
        glp_load_matrix(P, 2, rows, columns, values);
    }
    guard_end();
    write_message(message, capacity, "GLPK accepted the provoked fault");
    return CGLPK_FAILED;
}

int cglpk_set_basis(cglpk_problem *problem, int basic_row_count, const int *basic_rows, int basic_column_count,
                    const int *basic_columns, int upper_column_count, const int *upper_columns, char *message,
                    size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    glp_prob *P = problem->glpk;
    /* GLPK replaces GLP_NL and GLP_NU by the non-basic status the bound type allows. */
    for (int i = 1; i <= glp_get_num_rows(P); i++) glp_set_row_stat(P, i, GLP_NL);
    for (int j = 1; j <= glp_get_num_cols(P); j++) glp_set_col_stat(P, j, GLP_NL);
    for (int k = 0; k < upper_column_count; k++) glp_set_col_stat(P, upper_columns[k] + 1, GLP_NU);
    for (int k = 0; k < basic_row_count; k++) glp_set_row_stat(P, basic_rows[k] + 1, GLP_BS);
    for (int k = 0; k < basic_column_count; k++) glp_set_col_stat(P, basic_columns[k] + 1, GLP_BS);
    guard_end();
    return CGLPK_OK;
}

/* ---- Ranging on the final basis ----------------------------------------------------------------------
 * Both functions read the optimal basis the problem holds (factorizing it when GLPK has dropped the
 * factorization) and find the interval [low, high] of a step δ (low ≤ 0 ≤ high) over which that basis
 * stays optimal when some bounds or objective coefficients move by δ·weight. They use GLPK's simplex
 * tableau: x_B[i] = … + α[i,j]·x_N[j] (glp_eval_tab_col gives a column, glp_eval_tab_row a row).
 * Scratch arrays are kept per thread and reused, so a fault inside GLPK leaks nothing. */

static _Thread_local double *ranging_values;
static _Thread_local int *ranging_indices;
static _Thread_local size_t ranging_capacity;

/* Makes the scratch arrays hold at least `count` (+1 for GLPK's 1-based arrays); 0 when out of memory. */
static int ranging_reserve(size_t count) {
    if (count + 1 <= ranging_capacity) return 1;
    double *values = realloc(ranging_values, (count + 1) * 2 * sizeof(double));
    if (values == NULL) return 0;
    ranging_values = values;
    int *indices = realloc(ranging_indices, (count + 1) * sizeof(int));
    if (indices == NULL) return 0;
    ranging_indices = indices;
    ranging_capacity = count + 1;
    return 1;
}

/* Narrows [low, high] so that slack + δ·rate ≥ 0 holds; a slack a hair below 0 counts as 0. */
static void ranging_keep(double slack, double rate, double *low, double *high) {
    const double negligible = 1e-11;
    if (slack < 0) slack = 0;
    if (rate > negligible) {
        double bound = -slack / rate;
        if (bound > *low) *low = bound;
    } else if (rate < -negligible) {
        double bound = slack / -rate;
        if (bound < *high) *high = bound;
    }
}

static int variable_status(glp_prob *P, int m, int k) {
    return k <= m ? glp_get_row_stat(P, k) : glp_get_col_stat(P, k - m);
}

/* Makes sure the basis is factorized and the scratch arrays hold `count`; NULL when ready, else why not.
   Called inside a guarded section, so a GLPK error here unwinds to the caller's jump point. */
static const char *ranging_start(glp_prob *P, size_t count) {
    if (!glp_bf_exists(P) && glp_factorize(P) != 0) return "the basis cannot be factorized";
    if (!ranging_reserve(count)) return "out of memory";
    return NULL;
}

/* Basis position (1…m) of the basic variable k. */
static int basis_position(glp_prob *P, int m, int k) {
    return k <= m ? glp_get_row_bind(P, k) : glp_get_col_bind(P, k - m);
}

int cglpk_upper_bound_ranging(cglpk_problem *problem, int count, const int *variables, const double *weights,
                              double *low, double *high, char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    glp_prob *P = problem->glpk;
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    *low = -INFINITY;
    *high = INFINITY;
    const char *problem_text = ranging_start(P, (size_t)(m > n ? m : n) + (size_t)m);
    if (problem_text != NULL) {
        guard_end();
        write_message(message, capacity, problem_text);
        return CGLPK_FAILED;
    }
    /* rate[i]: d x_B[i] / dδ; shift[i]: d (upper bound of x_B[i]) / dδ. */
    double *rate = ranging_values, *shift = ranging_values + (m + 1);
    for (int i = 1; i <= m; i++) rate[i] = shift[i] = 0;
    for (int t = 0; t < count; t++) {
        int k = variables[t];
        double w = weights[t];
        double value = k <= m ? glp_get_row_prim(P, k) : glp_get_col_prim(P, k - m);
        double upper = k <= m ? glp_get_row_ub(P, k) : glp_get_col_ub(P, k - m);
        switch (variable_status(P, m, k)) {
        case GLP_BS:
            shift[basis_position(P, m, k)] += w;
            break;
        case GLP_NU:
        case GLP_NS: {
            /* At its upper bound: it moves with the bound and drags the basic variables along. */
            int len = glp_eval_tab_col(P, k, ranging_indices, ranging_values + 2 * (m + 1));
            for (int s = 1; s <= len; s++)
                rate[basis_position(P, m, ranging_indices[s])] += w * ranging_values[2 * (m + 1) + s];
            int type = k <= m ? glp_get_row_type(P, k) : glp_get_col_type(P, k - m);
            if (type == GLP_DB) {
                double lower = k <= m ? glp_get_row_lb(P, k) : glp_get_col_lb(P, k - m);
                ranging_keep(value - lower, w, low, high);
            }
            break;
        }
        default:
            /* At its lower bound or free: only the bound moves, and must stay above the value. */
            ranging_keep(upper - value, w, low, high);
            break;
        }
    }
    for (int i = 1; i <= m; i++) {
        int k = glp_get_bhead(P, i);
        double value = k <= m ? glp_get_row_prim(P, k) : glp_get_col_prim(P, k - m);
        int type = k <= m ? glp_get_row_type(P, k) : glp_get_col_type(P, k - m);
        if (type == GLP_UP || type == GLP_DB || type == GLP_FX) {
            double upper = k <= m ? glp_get_row_ub(P, k) : glp_get_col_ub(P, k - m);
            ranging_keep(upper - value, shift[i] - rate[i], low, high);
        }
        if (type == GLP_LO || type == GLP_DB || type == GLP_FX) {
            double lower = k <= m ? glp_get_row_lb(P, k) : glp_get_col_lb(P, k - m);
            ranging_keep(value - lower, rate[i], low, high);
        }
    }
    guard_end();
    return CGLPK_OK;
}

int cglpk_cost_ranging(cglpk_problem *problem, int count, const int *columns, const double *weights,
                       double *low, double *high, char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    glp_prob *P = problem->glpk;
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    *low = -INFINITY;
    *high = INFINITY;
    const char *problem_text = ranging_start(P, (size_t)(m + n) * 2);
    if (problem_text != NULL) {
        guard_end();
        write_message(message, capacity, problem_text);
        return CGLPK_FAILED;
    }
    /* change[k]: d (reduced cost of the non-basic x_k) / dδ = Δc_k + Σ_{basic i} Δc_B[i]·α[i,k]. */
    double *change = ranging_values, *row = ranging_values + (m + n + 1);
    for (int k = 1; k <= m + n; k++) change[k] = 0;
    for (int t = 0; t < count; t++) {
        int k = m + columns[t];
        double w = weights[t];
        if (glp_get_col_stat(P, columns[t]) != GLP_BS) {
            change[k] += w;
            continue;
        }
        int len = glp_eval_tab_row(P, k, ranging_indices, row);
        for (int s = 1; s <= len; s++) change[ranging_indices[s]] += w * row[s];
    }
    /* Minimisation: d ≥ 0 at a lower bound, d ≤ 0 at an upper one, d = 0 when free; a fixed one is free to go. */
    for (int k = 1; k <= m + n; k++) {
        double r = change[k];
        if (r == 0) continue;
        double d = k <= m ? glp_get_row_dual(P, k) : glp_get_col_dual(P, k - m);
        switch (variable_status(P, m, k)) {
        case GLP_NL: ranging_keep(d, r, low, high); break;
        case GLP_NU: ranging_keep(-d, -r, low, high); break;
        case GLP_NF:
            if (fabs(r) > 1e-11) *low = *high = 0;
            break;
        default: break;
        }
    }
    guard_end();
    return CGLPK_OK;
}

/* ---- Mixed-integer programs ------------------------------------------------------------------------ */

int cglpk_intopt(cglpk_problem *problem, int count, const int *integer_columns, int time_limit_ms,
                 cglpk_mip_outcome *outcome, double *column_values, char *message, size_t capacity) {
    GUARDED_SECTION(problem, message, capacity);
    glp_prob *P = problem->glpk;
    for (int k = 0; k < count; k++) glp_set_col_kind(P, integer_columns[k] + 1, GLP_IV);
    /* Scaled: unscaled, GLPK 5.0's branch-and-bound declared a small feasible program (a budget row of
       capital costs beside unit flow rows) integer infeasible. */
    if (!problem->scaled) {
        glp_scale_prob(P, GLP_SF_AUTO);
        problem->scaled = 1;
    }
    /* The LP relaxation first (glp_intopt without its presolver needs an optimal basis to start from). */
    glp_smcp simplex;
    glp_init_smcp(&simplex);
    simplex.msg_lev = GLP_MSG_OFF;
    simplex.meth = GLP_DUALP;
    if (time_limit_ms >= 0) simplex.tm_lim = time_limit_ms;
    outcome->relaxation_code = glp_simplex(P, &simplex);
    outcome->relaxation_status = glp_get_status(P);
    outcome->return_code = -1;
    outcome->status = GLP_UNDEF;
    outcome->objective = 0;
    if (outcome->relaxation_code == 0 && outcome->relaxation_status == GLP_OPT) {
        glp_iocp branch;
        glp_init_iocp(&branch);
        branch.msg_lev = GLP_MSG_OFF;
        branch.presolve = GLP_OFF;
        branch.gmi_cuts = GLP_ON;
        branch.mir_cuts = GLP_ON;
        branch.cov_cuts = GLP_ON;
        branch.clq_cuts = GLP_ON;
        if (time_limit_ms >= 0) branch.tm_lim = time_limit_ms;
        outcome->return_code = glp_intopt(P, &branch);
        outcome->status = glp_mip_status(P);
        outcome->objective = glp_mip_obj_val(P);
        int columns = glp_get_num_cols(P);
        for (int j = 0; j < columns; j++) column_values[j] = glp_mip_col_val(P, j + 1);
    }
    guard_end();
    return CGLPK_OK;
}
