"""Tables and catalogues, as data with sources: grading criteria, AJCC T tables, treatment rules, trials,
syndromes, epidemiology, the case bank, the source summary's claims and the references registry.

Nothing here decides; the decision modules one level up (:mod:`netlib.grading`, :mod:`netlib.staging`,
:mod:`netlib.treatment`, ...) read these tables.
"""
