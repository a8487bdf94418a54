"""Fidelity: the gold annotation and `petaflop evaluate` (precision, recall, F1 of the graph)."""
