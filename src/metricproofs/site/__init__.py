"""The teaching site: every claim as a page, and a confusion-matrix playground (DESIGN section 7).

Summary
    ``metricproofs site DIR`` writes a static site that opens from ``file://`` with no
    network: ``index.html`` (every claim with its verdict from a real prove run),
    ``claims/ID.html`` (statement, hypotheses, proof, methods, counterexample, certificates,
    references, citation) and ``playground.html`` (an editable k x k matrix, exact fractions
    in plain JavaScript; its URL fragment and ``data-value``/``data-fraction`` elements are a
    contract).

Main definitions
    - :class:`~metricproofs.site.inputs.SiteInputs`: what the pages are rendered from;
    - :func:`~metricproofs.site.build.gather`, :func:`~metricproofs.site.build.render_site`,
      :func:`~metricproofs.site.build.write_site`: the build step;
    - :mod:`~metricproofs.site.pages`, :mod:`~metricproofs.site.playground`: pure renderers.
"""

from __future__ import annotations

from metricproofs.site.build import gather, render_site, write_site
from metricproofs.site.inputs import SiteInputs

__all__ = ["SiteInputs", "gather", "render_site", "write_site"]
