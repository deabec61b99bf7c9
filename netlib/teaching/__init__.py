"""What a trainee sees: result cards (:mod:`.cards`), figures (:mod:`.plots`), interactive widgets
(:mod:`.widgets`) and self-check exercises (:mod:`.exercises`).

Import the submodules directly; this package imports nothing itself, so ``import netlib`` never loads
matplotlib or ipywidgets.
"""
