/* diagram_text.h - Graphviz's text measurements, remembered (diagram-internal).
 *
 * Graphviz sizes every piece of label text through its text layout plugin
 * (pango): 2,000 measurements for the seed plan's report, 9% of its
 * instructions, most of them texts measured before (task labels, unit
 * names and legend lines recur in the 65 ego diagrams). A plugin of ours,
 * put in front of pango's, remembers what pango answered for a text in a
 * font (name, size, flags) and answers the same for it again.
 *
 * Only renders whose output does not draw pango's layouts use it: SVG and
 * DOT (the size, baseline and centre-line offset are all the SVG renderer
 * reads); PNG and PDF (cairo draws each span's pango layout) always ask
 * pango. The diagrams' bytes are the same with and without it.
 *
 * Process-wide state, like the one Graphviz context it is installed in:
 * used only under diagram.c's lock. */
#ifndef RG_DIAGRAM_TEXT_H
#define RG_DIAGRAM_TEXT_H

#include <graphviz/gvc.h>

/* Put the remembering plugin in front of pango's in gvc (once, right after
 * gvContext). Without Graphviz's pango plugin it does nothing. */
void rg_diagram_text_install(GVC_t *gvc);

/* Remember measurements (on: SVG, DOT) or always ask pango (PNG, PDF). */
void rg_diagram_text_remember(int on);

#endif
