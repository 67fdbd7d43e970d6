"""Imported once by the local engine's fork server (``warta.pool``): loads the pipeline's language
model there, so that the pool's workers, forked from that server, start with it loaded and share
its memory. Nothing else imports this module."""

import gc

from warta import pipeline

pipeline.preload()
# what is loaded now lives as long as the workers: out of the collector's sight, so that a worker's
# collections never write to (and so copy) the pages it shares with the server (Python's gc docs)
gc.freeze()
