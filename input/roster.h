/* roster.h - expanding collectives (各区、县(市)政府) into their members.
 *
 * A roster is a CSV file of rows "collective,member" (header optional:
 * collective,member or 集体,成员), read through libcsv and decoded like a plan
 * (UTF-8, UTF-16 with BOM or GB18030). Example (examples/shenyang-roster.csv):
 *     各区、县(市)政府,和平区政府
 *     各区、县(市)政府,沈河区政府
 * For every task linked to a listed collective, each member is linked with
 * the collective's role. Names are NFKC-normalised like unit names in plans,
 * so 各区、县（市）政府 in the roster matches the plan's 各区、县(市)政府. */
#ifndef RG_ROSTER_H
#define RG_ROSTER_H

#include "plan.h"

/* Apply the roster at path to plan, then re-finalise the plan (it need not
 * be finalised before). Members are interned as RG_KIND_UNIT; the collective
 * itself stays linked. A member already linked to the task (named in the
 * plan, or reached through another collective) is not linked again and no
 * lead-and-support warning is raised; when one of its ways in is as lead,
 * it is lead. A collective that no task names gives a "roster-unknown"
 * warning diagnostic, not an error; a note "roster" counts the links added.
 * Fails (RG_EINPUT, file:line) on a malformed roster: bad CSV, a row
 * without exactly two non-empty fields; RG_ESYS when the file cannot be read.
 * Cost: O(roster + sum over expanded links of the task's link count). */
rg_status rg_roster_apply(rg_plan *plan, const char *path, rg_error *err);

/* Every name in the roster at path (collectives and members, canonical as
 * above), for letting them in as units when they would look suspect
 * (rg_load_opts.accept). *names is malloc'd, each name too; free both.
 * Fails as rg_roster_apply does on a malformed roster. */
rg_status rg_roster_names(const char *path, char ***names, int *n_names, rg_error *err);

/* The renames of `compare --renames FILE`: a CSV old,new (optional header
 * old,new or 原名称,新名称), names canonicalised as the roster's are. The
 * same reader and messages as the roster; names as rg_roster_names gives
 * them: old0, new0, old1, new1... */
rg_status rg_renames_read(const char *path, char ***names, int *n_names, rg_error *err);

#endif
