"""Every figure of the Fujian Family Planning Association's 2021 work summary, as checked data.

Modules, in the order the data flow: `paths`, `textnorm` and `quantities` (reading numbers in
Chinese text), `schema` and `data` (the curated files, checked on load), `derived`, `labels`,
`style`, `charts` and `figures` (what the notebooks draw), `catalog`, `build`, `export` and
`report` (regeneration and outputs for readers), and `cli` (`python -m fujian_fpa`).
"""
