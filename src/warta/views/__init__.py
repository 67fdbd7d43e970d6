"""What the CLI prints: the renderings of the store's data (articles, entities).

The store and the corpus stages return data; these modules render it, as rich tables and styled
lines on a terminal and as tab-separated lines when piped (``warta.console.emit_table``), with
input text always made safe.
"""
