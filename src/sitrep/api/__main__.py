"""``python -m sitrep.api``: print the OpenAPI document."""

import json

from .factory import create_app

print(json.dumps(create_app(":memory:").openapi(), indent=2))
