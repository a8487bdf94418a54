"""Extraction: the parsed report -> facts with provenance (gazetteer, table mappings, text claims)."""
