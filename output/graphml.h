/* graphml.h - graph.graphml: the concrete-unit network for Gephi and Cytoscape.
 *
 * Nodes are concrete units (id "u<plan unit index>") with attributes name,
 * load, led, supported, rank, cluster, overloaded, strength, betweenness,
 * pagerank, eigenvector, constraint, coreness, participation; edges are the
 * ties (undirected) with shared, weight and tasks (task numbers joined by
 * ";"). Written with libxml2's xmlTextWriter, which escapes every string;
 * rg_escape_xml_clean removes what XML 1.0 cannot carry. Deterministic:
 * nodes in results order, edges in results order. */
#ifndef RG_GRAPHML_H
#define RG_GRAPHML_H

#include <stdio.h>

#include "error.h"
#include "plan.h"
#include "results.h"

/* Write the GraphML document to out (the report opens it as an atomic file,
 * outfile.h). It is built in memory first, so libxml2 does no I/O, and
 * libxml2's messages go to a handler set for these calls only (libxml2 keeps
 * it per thread; the previous one is put back): the first becomes the
 * error's text instead of an unprefixed line on stderr. RG_ESYS when it
 * cannot be written. O(units + ties + evidence). */
rg_status rg_graphml_write(FILE *out, const rg_plan *plan, const rg_results *res, rg_error *err);

#endif
