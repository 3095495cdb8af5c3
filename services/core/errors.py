"""The project's exceptions, and what each means for the message that raised it.

    WirestreamError
    ├── InvalidInput          dead-lettered at once: retrying cannot help
    │   ├── EmptyInput        no text, or only white space
    │   ├── TooLarge          over WIRESTREAM_MAX_BYTES
    │   ├── Undecodable       not text in any charset we can detect, or binary
    │   ├── Unparseable       not valid in its (detected or hinted) format
    │   └── SchemaViolation   our own output failed validation against schemas/
    ├── ConfigError           bad settings: the process refuses to start
    └── TransientError        Redis or a timeout: left pending, retried, reclaimed

Any other exception is a bug: the entry stays pending and is retried until it has been
delivered WIRESTREAM_MAX_DELIVERIES times, then it is dead-lettered. Third-party errors
are translated at the boundary with ``raise ... from exc``.
"""


class WirestreamError(Exception):
    """Base of every error wirestream raises on purpose."""


class InvalidInput(WirestreamError):
    """The input can never be processed; dead-letter it now with this message as reason."""


class EmptyInput(InvalidInput):
    pass


class TooLarge(InvalidInput):
    pass


class Undecodable(InvalidInput):
    pass


class Unparseable(InvalidInput):
    pass


class SchemaViolation(InvalidInput):
    pass


class ConfigError(WirestreamError):
    pass


class TransientError(WirestreamError):
    pass
