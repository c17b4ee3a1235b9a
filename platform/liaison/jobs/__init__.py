"""Background jobs on RQ. (Filled in by the jobs capability.)"""

import fakeredis
from redis import Redis

_fake_server = fakeredis.FakeServer()


def redis_connection(app) -> Redis:
    if app.config["REDIS_URL"]:
        return Redis.from_url(app.config["REDIS_URL"])
    return fakeredis.FakeRedis(server=_fake_server)
