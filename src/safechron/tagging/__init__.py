"""Free-text risk tagging with negation, experiencer, history and hypotheticals.

from safechron.tagging import default_tagger
tagger = default_tagger()
tagger.propose("No DA reported but mother smelt of alcohol")  # {"alcohol_misuse_parent"}
"""

from safechron.tagging.lexicon import Lexicon, LexiconError, lexicon_load
from safechron.tagging.tagger import Mention, Tagger, default_tagger

__all__ = ["Lexicon", "LexiconError", "Mention", "Tagger", "default_tagger", "lexicon_load"]
