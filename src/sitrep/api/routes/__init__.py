"""The API's endpoints, one module per resource, each with its ``router`` (see :data:`sitrep.api.factory.ROUTERS`)."""
