/* figalign: what a figure counts (modifiers, synonyms, units), its
 * interval, and which figures of two reports are aligned and disagree. */
#include "testlib.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "brief/compare/figalign.h"

static struct figrules_align *fr;

static int setup(void **state)
{
	struct err e = {{0}};

	(void)state;
	fr = figalign_rules_load("data/figures.yaml", &e);
	if (fr == NULL)
		fprintf(stderr, "%s\n", e.text);
	return fr ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	figalign_rules_free(fr);
	return 0;
}

static struct figure num(double v, const char *qual)
{
	struct figure f;

	memset(&f, 0, sizeof f);
	f.kind = FIG_COUNT;
	f.lo = f.hi = v;
	f.qual = qual;
	return f;
}

static void test_heads(void **state)
{
	struct figure f = num(3, NULL);
	struct fa_meaning m;

	(void)state;
	figalign_meaning(fr, "short-range ballistic missiles", &f, &m);
	assert_string_equal(m.head, "ballistic missiles");
	assert_string_equal(m.kind, "short-range");
	figalign_meaning(fr, "soldiers", &f, &m);
	assert_string_equal(m.head, "troops");
	figalign_meaning(fr, "vessels", &f, &m);
	assert_string_equal(m.head, "ships");
	figalign_meaning(fr, "unmanned aerial systems", &f, &m);
	assert_string_equal(m.head, "drones");
	figalign_meaning(fr, "HIMARS", &f, &m);
	assert_string_equal(m.head, "HIMARS");
	assert_null(m.unit);
}

static void test_units_intervals(void **state)
{
	struct figure f = num(80, NULL);
	struct fa_meaning m;

	(void)state;
	figalign_meaning(fr, "miles", &f, &m);
	assert_string_equal(m.unit, "km");
	assert_true(fabs(m.lo - 128.75) < 0.01);
	f = num(10000, "about");
	figalign_meaning(fr, "troops", &f, &m);
	assert_true(fabs(m.lo - 9000) < 1e-6 && fabs(m.hi - 11000) < 1e-6);
	f = num(20, "more than");
	figalign_meaning(fr, "countries", &f, &m);
	assert_true(m.lo > 20 && isinf(m.hi));
	f = num(500, NULL);
	figalign_meaning(fr, "tons", &f, &m);
	assert_string_equal(m.unit, "t");
	assert_true(figalign_disjoint(1, 2, 3, 4));
	assert_false(figalign_disjoint(1, 3, 3, 4));
}

/* Figures given as counted phrase and sentence, the number at "@". */
static void fig(struct fa_fig *v, int side, const char *counts,
		struct figure *f, const char *sent)
{
	memset(v, 0, sizeof *v);
	v->side = side;
	v->counts = counts;
	v->f = f;
	v->sent = sent;
	v->sent_len = strlen(sent);
	v->at = (size_t)(strchr(sent, '@') - sent);
}

static void test_alignment(void **state)
{
	struct figure f[10];
	struct fa_fig v[10];
	struct fa_group *g;
	size_t ng;

	(void)state;
	f[0] = num(10000, "about");
	fig(&v[0], 0, "troops", &f[0], "Russia sent @ troops to the border.");
	f[1] = num(12000, NULL);
	fig(&v[1], 1, "soldiers", &f[1], "@ soldiers were deployed.");
	f[2] = num(600, "about");
	fig(&v[2], 0, "kilometers", &f[2], "The missile flew @.");
	f[3] = num(350, "about");
	fig(&v[3], 1, "km", &f[3], "It flew @ before it fell.");
	f[4] = num(2, NULL);
	fig(&v[4], 0, "ballistic missiles", &f[4], "It fired @ missiles.");
	f[5] = num(3, NULL);
	fig(&v[5], 1, "short-range ballistic missiles", &f[5],
	    "It launched @ missiles.");
	f[6] = num(44, NULL);
	fig(&v[6], 0, "countries", &f[6], "@ countries condemned the attacks.");
	f[7] = num(20, "more than");
	fig(&v[7], 1, "countries", &f[7], "The crews came from @ countries.");
	f[8] = num(5, NULL);
	fig(&v[8], 0, "ships", &f[8], "Rebels attacked @ ships.");
	f[9] = num(30, NULL);
	fig(&v[9], 1, "vessels", &f[9], "Firms diverted @ vessels.");
	g = figalign_run(fr, v, 10, &ng);
	assert_int_equal(v[0].group, v[1].group);
	assert_true(g[v[0].group].disagree);
	assert_string_equal(g[v[0].group].counts, "troops");
	assert_int_equal(v[2].group, v[3].group);
	assert_true(g[v[2].group].disagree);
	assert_string_equal(g[v[2].group].unit, "km");
	assert_int_equal(v[4].group, v[5].group);
	assert_true(g[v[4].group].disagree);
	assert_string_equal(g[v[4].group].counts, "ballistic missiles");
	assert_int_not_equal(v[6].group, v[7].group);
	assert_false(g[v[6].group].disagree);
	assert_int_not_equal(v[8].group, v[9].group);
	assert_string_equal(g[v[8].group].counts, "ships (attack)");
	assert_int_equal(ng, 7);
	free(g);
}

/* Figures that agree are aligned but not flagged; a generic thing with
 * no event in either sentence is aligned with nothing. */
static void test_agree(void **state)
{
	struct figure f[4];
	struct fa_fig v[4];
	struct fa_group *g;
	size_t ng;

	(void)state;
	f[0] = num(10000, "about");
	fig(&v[0], 0, "troops", &f[0], "Russia sent @ troops.");
	f[1] = num(10500, NULL);
	fig(&v[1], 1, "personnel", &f[1], "Russia deployed @ personnel.");
	f[2] = num(3, NULL);
	fig(&v[2], 0, "people", &f[2], "@ people were there.");
	f[3] = num(9, NULL);
	fig(&v[3], 1, "people", &f[3], "There were @ people.");
	g = figalign_run(fr, v, 4, &ng);
	assert_int_equal(v[0].group, v[1].group);
	assert_false(g[v[0].group].disagree);
	assert_false(v[1].discrepancy);
	assert_int_not_equal(v[2].group, v[3].group);
	assert_int_equal(ng, 3);
	free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heads),
		cmocka_unit_test(test_units_intervals),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_agree),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
