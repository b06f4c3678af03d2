"""The HTTP API: a FastAPI app over one event store (`dyad serve`)."""

from dyad.api.app import create_app

__all__ = ["create_app"]
