"""Scorers of each stage against the gold formats: CoNLL NER, CoNLL-U, TimeML, PFSA-ID, seed JSONL."""
