"""The official `openai` SDK against an OpenAI-like upstream directly and through the HyPerAlign service.

Usage: python3 openai_conformance.py UPSTREAM_BASE_URL SERVICE_BASE_URL API_KEY. Every row of issue 12's table,
streaming with include_usage, tool-call streaming and errors: the service must answer as the upstream does (it
only adds the user's hypotheses, selected by X-HyPerAlign-User). Prints one line per row and "ok" at the end.
"""
import sys

import openai

upstream_url, service_url, key = sys.argv[1], sys.argv[2], sys.argv[3]
direct = openai.OpenAI(base_url=upstream_url, api_key="unused", max_retries=0)
proxied = openai.OpenAI(base_url=service_url, api_key=key, max_retries=0,
                        default_headers={"X-HyPerAlign-User": "ann"})
MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello"}]
TOOLS = [{"type": "function", "function": {
    "name": "get_weather", "description": "Weather of a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]


def same(name, **request):
    """Both answers parsed by the SDK must be equal, and the useful headers relayed."""
    a = direct.chat.completions.with_raw_response.create(**request)
    b = proxied.chat.completions.with_raw_response.create(**request)
    assert a.status_code == b.status_code == 200, (name, a.status_code, b.status_code)
    assert b.headers.get("x-hyperalign-personalized") == "true", (name, dict(b.headers))
    for header in ("x-request-id", "x-ratelimit-remaining-requests", "x-ratelimit-limit-tokens", "openai-processing-ms"):
        assert a.headers.get(header) == b.headers.get(header) is not None, (name, header, dict(b.headers))
    pa, pb = a.parse(), b.parse()
    assert pa.model_dump() == pb.model_dump(), (name, pa, pb)
    print(f"{name}: same answer as the upstream")
    return pb


def same_error(name, exception, status, **request):
    errors = []
    for client in (direct, proxied):
        try:
            client.chat.completions.create(**request)
            raise AssertionError(f"{name}: must raise")
        except exception as error:
            errors.append(error)
    a, b = errors
    assert a.status_code == b.status_code == status, (name, a.status_code, b.status_code)
    assert a.body == b.body and a.code == b.code and a.message == b.message, (name, a.body, b.body)
    assert b.response.headers.get("x-request-id") == "req_conformance", (name, dict(b.response.headers))
    print(f"{name}: same {status} error as the upstream ({b.code})")


plain = same("plain chat", model="gpt-4o-mini", messages=MESSAGES)
assert (plain.id, plain.created, plain.model, plain.system_fingerprint) == \
    ("chatcmpl-conformance", 1700000000, "gpt-4o-mini", "fp_conf"), plain

tools = same("tools", model="gpt-4o", messages=MESSAGES, tools=TOOLS, tool_choice="auto", parallel_tool_calls=False)
call = tools.choices[0].message.tool_calls[0]
assert (call.function.name, call.function.arguments) == ("get_weather", '{"city":"Paris"}'), call

# A tool result goes back as a `tool` message.
same("tool role", model="gpt-4o", tools=TOOLS, messages=MESSAGES + [
    {"role": "assistant", "content": None, "tool_calls": [
        {"id": "call_abc", "type": "function", "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'}}]},
    {"role": "tool", "tool_call_id": "call_abc", "content": "18 C, sunny"}])

two = same("n=2", model="gpt-4o-mini", messages=MESSAGES, n=2, seed=9007199254740993)
assert len(two.choices) == 2, two

probs = same("logprobs", model="gpt-4o-mini", messages=MESSAGES, logprobs=True, top_logprobs=1)
assert probs.choices[0].logprobs.content[0].token == "Answer", probs

json_mode = same("json_object", model="gpt-4o-mini", messages=MESSAGES, response_format={"type": "json_object"})
assert json_mode.choices[0].message.content == '{"ok": true}', json_mode

same("multimodal parts and unknown fields", model="gpt-4o", messages=[{"role": "user", "content": [
    {"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo=", "detail": "low"}}]}],
     max_completion_tokens=50, reasoning_effort="low", metadata={"run": "conformance"}, stop=["\n\n", "END"],
     logit_bias={"50256": -100}, user="end-user-42", extra_body={"x_future_field": {"nested": [1, 2.5]}})

same_error("upstream 400", openai.BadRequestError, 400, model="gpt-4o-mini",
           messages=[{"role": "user", "content": "reject me"}])
same_error("upstream 429", openai.RateLimitError, 429, model="gpt-4o-mini",
           messages=[{"role": "user", "content": "rate limit me"}])

# An upstream 5xx is the gateway's failure: a 502 in the OpenAI error shape.
try:
    proxied.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "fail me"}])
    raise AssertionError("an upstream 500 must raise")
except openai.APIStatusError as error:
    assert error.status_code == 502 and error.code == "upstream_error", (error.status_code, error.body)
    print("upstream 500: 502 upstream_error")


def stream_chunks(client, **request):
    with client.chat.completions.create(stream=True, **request) as stream:
        return [chunk.model_dump() for chunk in stream]


a = stream_chunks(direct, model="gpt-4o-mini", messages=MESSAGES, stream_options={"include_usage": True})
b = stream_chunks(proxied, model="gpt-4o-mini", messages=MESSAGES, stream_options={"include_usage": True})
assert a == b, (a, b)
assert "".join(c["choices"][0]["delta"]["content"] or "" for c in b if c["choices"]) == "Hello from the stream.", b
assert b[-1]["choices"] == [] and b[-1]["usage"]["total_tokens"] == 16, b[-1]
print("streaming with include_usage: same chunks, usage chunk last")

a = stream_chunks(direct, model="gpt-4o", messages=MESSAGES, tools=TOOLS)
b = stream_chunks(proxied, model="gpt-4o", messages=MESSAGES, tools=TOOLS)
assert a == b, (a, b)
arguments = "".join(c["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"] or ""
                    for c in b if c["choices"] and c["choices"][0]["delta"].get("tool_calls"))
assert arguments == '{"city":"Paris"}', arguments
assert b[-1]["choices"][0]["finish_reason"] == "tool_calls", b[-1]
print("tool-call streaming: same deltas")

try:
    stream_chunks(proxied, model="gpt-4o-mini", messages=[{"role": "user", "content": "reject me"}])
    raise AssertionError("a rejected stream must raise")
except openai.BadRequestError as error:
    assert error.code == "integer_above_max_value", error.body
    print("rejected stream: upstream 400 relayed")

print("ok")
