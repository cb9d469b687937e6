/* gen.c - rg_bench_gen: a seeded generator of synthetic task-division plans for the benchmarks.
 *
 * Usage: rg_bench_gen [--seed N] [--outdir DIR] SIZE...
 *   SIZE is small (178 x 65), 10k (10000 x 1000), 100k (100000 x 10000),
 *   1m (1000000 x 50000) or TASKSxUNITS. For each size it writes, in DIR
 *   (default bench/data):
 *     plan-SIZE.txt       the labelled text layout (N.task / 牵头单位: / 责任单位:)
 *     plan-SIZE.csv       long form task,role,unit,kind (as `respgraph edges --format csv`)
 *     plan-SIZE-wide.csv  序号,重点任务,牵头单位,责任单位 (units joined by 、)
 *
 * Shape: one lead per task (two in 15% of tasks); 0-8 supports, mean about
 * 1.5; units drawn with Zipf-like popularity (exponent 1.1), so the top units
 * sit in a quarter or more of all tasks; every unit appears at least once
 * (tail units are swapped into a support slot of every (tasks/units)-th task
 * until each has been seen); a chapter heading about every 20 tasks.
 *
 * Determinism: a private splitmix64 PRNG (no rand()), and the only libm call
 * is pow() for the Zipf CDF, computed once per unit in a fixed order; so the
 * output is identical for the same seed and size on every machine whose
 * pow() rounds alike (any glibc x86-64). */
#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_LEADS 2
#define MAX_SUPPORTS 8
#define ZIPF_EXPONENT 1.1
#define CHAPTER_EVERY 20

static uint64_t rng_state;

static uint64_t splitmix64(void) {
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* Uniform in [0, 1) with 53 random bits. */
static double uniform01(void) { return (double)(splitmix64() >> 11) * (1.0 / 9007199254740992.0); }

/* Uniform integer in [0, n). */
static uint64_t below(uint64_t n) { return splitmix64() % n; }

/* Supports per task: P(k) for k = 0..8, mean 1.58. */
static const double support_p[MAX_SUPPORTS + 1] = {0.30, 0.30, 0.18, 0.10, 0.05,
                                                   0.03, 0.02, 0.01, 0.01};

static const char *const phrases[] = {
    "持续推进重点项目建设", "完善工作推进机制",   "加强统筹协调和督促检查",
    "强化要素保障",         "优化营商环境",       "推动政策举措落地见效",
    "健全长效管理制度",     "提升公共服务水平",   "加快数字化转型步伐",
    "深化重点领域改革",     "扩大高水平对外开放", "培育壮大新兴产业",
    "推进城市更新行动",     "加强生态环境保护",   "保障和改善民生",
    "防范化解重大风险",     "提高基层治理效能",   "促进区域协调发展",
    "稳定和扩大就业",       "强化科技创新支撑",   "推动文化旅游融合发展",
    "完善社会保障体系",     "加强安全生产监管",   "提升农业综合生产能力",
};
#define N_PHRASES (sizeof phrases / sizeof phrases[0])

/* Chinese numeral for 1 <= n < 10^8, as printed in plan headings: 一, 十一,
 * 二十, 一百零五, 一千零一十, 一万二千, 一万零五十. */
static size_t four_digits(long v, int leading, char *buf, size_t size, size_t used) {
  static const char *const digit[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char *const unit[] = {"", "十", "百", "千"};
  static const long pow10[] = {1, 10, 100, 1000};
  int emitted = 0, zero = 0;
  for (int p = 3; p >= 0; p--) {
    long d = v / pow10[p] % 10;
    if (d == 0) {
      zero = emitted;
      continue;
    }
    if (zero) used += (size_t)snprintf(buf + used, size - used, "%s", digit[0]);
    zero = 0;
    /* 十 alone at the very start: 十一, not 一十一. */
    if (!(p == 1 && d == 1 && leading && !emitted))
      used += (size_t)snprintf(buf + used, size - used, "%s", digit[d]);
    used += (size_t)snprintf(buf + used, size - used, "%s", unit[p]);
    emitted = 1;
  }
  return used;
}

static void chinese_numeral(long n, char *buf, size_t size) {
  size_t used = 0;
  long high = n / 10000, low = n % 10000;
  buf[0] = '\0';
  if (high > 0) {
    used = four_digits(high, 1, buf, size, used);
    used += (size_t)snprintf(buf + used, size - used, "万%s", low > 0 && low < 1000 ? "零" : "");
  }
  if (low > 0) four_digits(low, high == 0, buf, size, used);
}

typedef struct gen_size {
  char name[32];
  long tasks, units;
} gen_size;

static int parse_size(const char *s, gen_size *out) {
  static const struct {
    const char *name;
    long tasks, units;
  } presets[] = {
      {"small", 178, 65}, {"10k", 10000, 1000}, {"100k", 100000, 10000}, {"1m", 1000000, 50000}};
  for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++)
    if (!strcmp(s, presets[i].name)) {
      snprintf(out->name, sizeof out->name, "%s", presets[i].name);
      out->tasks = presets[i].tasks;
      out->units = presets[i].units;
      return 0;
    }
  long t, u;
  char x;
  if (sscanf(s, "%ld%c%ld", &t, &x, &u) == 3 && x == 'x' && t > 0 && t < 1000000000L &&
      u >= MAX_LEADS + MAX_SUPPORTS && u < 1000000000L) {
    snprintf(out->name, sizeof out->name, "%ldx%ld", t, u);
    out->tasks = t;
    out->units = u;
    return 0;
  }
  return -1;
}

typedef struct outbuf {
  FILE *f;
  char *quoted;
  size_t cap;
} outbuf;

/* Write one CSV field as output/table.c does: through libcsv's quoting only
 * when it needs quotes, so the long form reads like `respgraph edges`. */
static void csv_field(outbuf *o, const char *s, size_t n) {
  if (n == 0) return;
  if (s[0] != ' ' && s[n - 1] != ' ' && !memchr(s, ',', n) && !memchr(s, '"', n) &&
      !memchr(s, '\r', n) && !memchr(s, '\n', n)) {
    fwrite(s, 1, n, o->f);
    return;
  }
  size_t need = csv_write(NULL, 0, s, n);
  if (need > o->cap) {
    o->cap = need * 2;
    o->quoted = realloc(o->quoted, o->cap);
    if (!o->quoted) {
      perror("rg_bench_gen");
      exit(1);
    }
  }
  size_t w = csv_write(o->quoted, o->cap, s, n);
  fwrite(o->quoted, 1, w, o->f);
}

static FILE *open_out(const char *dir, const char *name, const char *suffix, char **buf) {
  char path[4096];
  snprintf(path, sizeof path, "%s/plan-%s%s", dir, name, suffix);
  FILE *f = fopen(path, "wb");
  if (!f) {
    fprintf(stderr, "rg_bench_gen: %s: %s\n", path, strerror(errno));
    exit(1);
  }
  *buf = malloc(1 << 20);
  if (*buf) setvbuf(f, *buf, _IOFBF, 1 << 20);
  return f;
}

static int contains(const long *v, int n, long x) {
  for (int i = 0; i < n; i++)
    if (v[i] == x) return 1;
  return 0;
}

/* Draw a unit index by Zipf popularity, distinct from the n already chosen. */
static long draw_unit(const double *cdf, long m, const long *chosen, int n) {
  for (int tries = 0; tries < 64; tries++) {
    double u = uniform01() * cdf[m - 1];
    long lo = 0, hi = m - 1;
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (cdf[mid] > u)
        hi = mid;
      else
        lo = mid + 1;
    }
    if (!contains(chosen, n, lo)) return lo;
  }
  for (long x = below((uint64_t)m);; x = (x + 1) % m)
    if (!contains(chosen, n, x)) return x;
}

static void generate(const gen_size *sz, uint64_t seed, const char *dir) {
  rng_state = seed;
  long m = sz->units;
  int width = 4;
  for (long p = 10000; p <= m - 1; p *= 10)
    width++;
  double *cdf = malloc((size_t)m * sizeof *cdf);
  unsigned char *seen = calloc((size_t)m, 1);
  char(*names)[48] = malloc((size_t)m * sizeof *names);
  if (!cdf || !seen || !names) {
    perror("rg_bench_gen");
    exit(1);
  }
  double acc = 0;
  for (long i = 0; i < m; i++) {
    acc += pow((double)(i + 1), -ZIPF_EXPONENT);
    cdf[i] = acc;
    char digits[24];
    int nd = snprintf(digits, sizeof digits, "%ld", i + 1);
    int pad = width > nd ? width - nd : 0;
    snprintf(names[i], sizeof names[i], "市单位%.*s%s局", pad, "000000000", digits);
  }
  long stride = sz->tasks / m > 0 ? sz->tasks / m : 1;
  long cover = 0; /* next unit index that must appear */

  char *b1, *b2, *b3;
  FILE *txt = open_out(dir, sz->name, ".txt", &b1);
  outbuf lng = {open_out(dir, sz->name, ".csv", &b2), NULL, 0};
  outbuf wide = {open_out(dir, sz->name, "-wide.csv", &b3), NULL, 0};

  fprintf(txt, "%ld项任务基准测试重点工作分工方案\n\n", sz->tasks);
  fputs("task,role,unit,kind\n", lng.f);
  fputs("序号,重点任务,牵头单位,责任单位\n", wide.f);

  char text[1024], num[64], heading[96];
  long chapter = 0;
  for (long t = 0; t < sz->tasks; t++) {
    long chosen[MAX_LEADS + MAX_SUPPORTS + 1];
    int n_leads = uniform01() < 0.15 ? 2 : 1;
    double r = uniform01(), c = 0;
    int n_sup = MAX_SUPPORTS;
    for (int k = 0; k <= MAX_SUPPORTS; k++) {
      c += support_p[k];
      if (r < c) {
        n_sup = k;
        break;
      }
    }
    int n = 0;
    for (int i = 0; i < n_leads + n_sup; i++, n++)
      chosen[n] = draw_unit(cdf, m, chosen, n);
    if (t % stride == 0) {
      while (cover < m && (seen[cover] || contains(chosen, n, cover)))
        cover++;
      if (cover < m) {
        /* Swap the first unseen unit into the last support slot (or add one). */
        if (n_sup == 0) n_sup = 1, n++;
        chosen[n - 1] = cover;
      }
    }
    for (int i = 0; i < n; i++)
      seen[chosen[i]] = 1;
    /* Task text: 3-6 phrases joined by commas. */
    int np = 3 + (int)below(4);
    long picked[6];
    size_t tl = 0;
    for (int i = 0; i < np; i++) {
      long ph;
      do
        ph = (long)below(N_PHRASES);
      while (contains(picked, i, ph));
      picked[i] = ph;
      tl += (size_t)snprintf(text + tl, sizeof text - tl, "%s%s", phrases[ph],
                             i + 1 < np ? "," : "。");
    }
    snprintf(num, sizeof num, "%ld", t + 1);

    if (t % CHAPTER_EVERY == 0) {
      chinese_numeral(++chapter, heading, sizeof heading);
      fprintf(txt, "  %s、第%s方面重点工作\n\n", heading, heading);
    }
    fprintf(txt, "  %s.%s\n\n  牵头单位:", num, text);
    for (int i = 0; i < n_leads; i++)
      fprintf(txt, "%s%s", i ? "、" : "", names[chosen[i]]);
    fputs("\n\n", txt);
    if (n_sup > 0) {
      fputs("  责任单位:", txt);
      for (int i = n_leads; i < n; i++)
        fprintf(txt, "%s%s", i > n_leads ? "、" : "", names[chosen[i]]);
      fputs("\n\n", txt);
    }

    for (int i = 0; i < n; i++) {
      csv_field(&lng, num, strlen(num));
      fputc(',', lng.f);
      fputs(i < n_leads ? "lead" : "support", lng.f);
      fputc(',', lng.f);
      csv_field(&lng, names[chosen[i]], strlen(names[chosen[i]]));
      fputs(",unit\n", lng.f);
    }

    char leads[2 * 32 + 8], sups[MAX_SUPPORTS * 36 + 8];
    size_t ll = 0, sl = 0;
    leads[0] = sups[0] = '\0';
    for (int i = 0; i < n_leads; i++)
      ll +=
          (size_t)snprintf(leads + ll, sizeof leads - ll, "%s%s", i ? "、" : "", names[chosen[i]]);
    for (int i = n_leads; i < n; i++)
      sl += (size_t)snprintf(sups + sl, sizeof sups - sl, "%s%s", i > n_leads ? "、" : "",
                             names[chosen[i]]);
    csv_field(&wide, num, strlen(num));
    fputc(',', wide.f);
    csv_field(&wide, text, tl);
    fputc(',', wide.f);
    csv_field(&wide, leads, ll);
    fputc(',', wide.f);
    csv_field(&wide, sups, sl);
    fputc('\n', wide.f);
  }
  int bad = 0;
  bad |= fclose(txt) != 0;
  bad |= fclose(lng.f) != 0;
  bad |= fclose(wide.f) != 0;
  if (bad) {
    fprintf(stderr, "rg_bench_gen: write error in %s\n", dir);
    exit(1);
  }
  free(b1), free(b2), free(b3);
  free(lng.quoted), free(wide.quoted);
  free(cdf), free(seen), free(names);
}

int main(int argc, char **argv) {
  uint64_t seed = 20260125;
  const char *dir = "bench/data";
  int n_sizes = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
      seed = strtoull(argv[++i], NULL, 10);
    } else if (!strcmp(argv[i], "--outdir") && i + 1 < argc) {
      dir = argv[++i];
    } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      puts("usage: rg_bench_gen [--seed N] [--outdir DIR] small|10k|100k|1m|TASKSxUNITS ...");
      return 0;
    } else {
      gen_size sz;
      if (parse_size(argv[i], &sz)) {
        fprintf(stderr, "rg_bench_gen: bad size '%s' (small, 10k, 100k, 1m or TASKSxUNITS)\n",
                argv[i]);
        return 2;
      }
      mkdir(dir, 0777);
      generate(&sz, seed, dir);
      n_sizes++;
    }
  }
  if (!n_sizes) {
    fputs("usage: rg_bench_gen [--seed N] [--outdir DIR] small|10k|100k|1m|TASKSxUNITS ...\n",
          stderr);
    return 2;
  }
  return 0;
}
