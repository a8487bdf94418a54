"""The leaf layer: what every other package of the project may import, and which imports none of them.

``errors`` (exceptions with exit codes), ``paths`` (repository, build folder, the report),
``namespaces`` (closed namespaces: an unknown term is an error, not a silent empty result),
``names`` (the one name normaliser) and ``terms`` (RDF term helpers). Nothing here imports
``ingest``, ``ontology``, ``queries``, ``petaflop`` or ``bench`` (checked by ``make lint``).
"""
