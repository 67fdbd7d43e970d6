"""Imported once by the local engine's fork server (``warta.pool``): loads the pipeline's language
model there, so that the pool's workers, forked from that server, start with it loaded and share
its memory. Nothing else imports this module."""

from warta import pipeline

pipeline.preload()
