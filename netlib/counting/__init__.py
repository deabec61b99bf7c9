"""Counting statistics: the Ki-67 index with its interval and chance of misgrading (:mod:`.ki67`), mitoses per
2 mm² from microscope fields (:mod:`.mitoses`), and seeded synthetic fields to practise on (:mod:`.fields`)."""
