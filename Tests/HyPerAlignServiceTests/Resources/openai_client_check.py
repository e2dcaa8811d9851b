"""Drives a running HyPerAlign service with the official `openai` Python package, unmodified.

Usage: python3 openai_client_check.py BASE_URL API_KEY. Prints "ok" and exits 0 when every check passes.
"""
import sys

import openai

base_url, key = sys.argv[1], sys.argv[2]
client = openai.OpenAI(base_url=base_url, api_key=key, max_retries=0)

models = client.models.list()
assert [m.id for m in models.data] == ["upstream-model"], models

plain = client.chat.completions.create(
    model="gpt-4o-mini", messages=[{"role": "user", "content": "Write a note."}], user="ann")
assert plain.choices[0].message.content == "Cheers from upstream.", plain
assert plain.choices[0].finish_reason == "stop", plain
assert plain.usage.total_tokens == 15, plain.usage

raw = client.chat.completions.with_raw_response.create(
    model="gpt-4o-mini", messages=[{"role": "user", "content": "Write a note."}],
    extra_headers={"X-HyPerAlign-User": "ann"})
assert raw.headers.get("x-hyperalign-personalized") == "true", dict(raw.headers)
assert raw.parse().choices[0].message.content == "Cheers from upstream."

pieces = []
usage = None
stream = client.chat.completions.create(
    model="gpt-4o-mini", messages=[{"role": "user", "content": "stream please"}], user="ann", stream=True,
    stream_options={"include_usage": True})
for chunk in stream:
    if chunk.usage is not None:
        usage = chunk.usage
    for choice in chunk.choices:
        if choice.delta.content:
            pieces.append(choice.delta.content)
assert "".join(pieces) == "Hello from the stream.", pieces
assert usage is not None and usage.total_tokens == 12, usage

try:
    client.chat.completions.create(model="m", messages=[{"role": "user", "content": "fail please"}])
    raise AssertionError("an upstream failure must raise")
except openai.APIStatusError as error:
    assert error.status_code == 502, error
    assert error.code == "upstream_error", (error.code, error.body)

try:
    openai.OpenAI(base_url=base_url, api_key="hyp_wrong", max_retries=0).models.list()
    raise AssertionError("a wrong key must raise")
except openai.AuthenticationError as error:
    assert error.status_code == 401

try:
    client.chat.completions.create(model="m", messages=[])
    raise AssertionError("an empty conversation must raise")
except openai.BadRequestError as error:
    # The upstream judges it; its 400 and message come through unchanged.
    assert error.status_code == 400
    assert "[] is too short - 'messages'" in str(error.body), error.body

print("ok")
