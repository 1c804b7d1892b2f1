"""aligner: line up a Chinese original with its English translation and check it.

Chinese is always the source (``zh-CN``) and English the target (``en``): the
Chinese text of a release is the authoritative one.
"""

__version__ = "0.1.0"

SOURCE_LANG = "zh-CN"
TARGET_LANG = "en"
