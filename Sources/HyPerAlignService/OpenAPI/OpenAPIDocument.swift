/// The OpenAPI 3.1 description of the whole API, served at `/openapi.json`. A test checks that its paths
/// and methods are exactly the router's, so the document cannot drift from the code.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "HyPerAlign",
        "version": "1.0.0",
        "description": "Profiles and hypotheses as resources, personalized generation, and an OpenAI-compatible chat endpoint that personalizes by the request's user. Every /v1 route needs 'Authorization: Bearer KEY' (hyperalign keys create --tenant NAME); a tenant sees only its own users. Errors use the OpenAI error shape."
      },
      "servers": [{"url": "/"}],
      "security": [{"apiKey": []}],
      "paths": {
        "/health": {"get": {"summary": "Liveness", "security": [], "responses": {"200": {"$ref": "#/components/responses/Status"}}}},
        "/ready": {"get": {"summary": "Readiness: the store answers", "security": [], "responses": {"200": {"$ref": "#/components/responses/Status"}, "503": {"$ref": "#/components/responses/Status"}}}},
        "/metrics": {"get": {"summary": "Prometheus metrics", "security": [], "responses": {"200": {"description": "Prometheus text exposition", "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
        "/openapi.json": {"get": {"summary": "This document", "security": [], "responses": {"200": {"description": "OpenAPI document", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
        "/v1/users": {
          "get": {"summary": "List the tenant's users", "responses": {"200": {"description": "Users", "content": {"application/json": {"schema": {"type": "object", "properties": {"object": {"const": "list"}, "data": {"type": "array", "items": {"$ref": "#/components/schemas/ProfileSummary"}}}}}}}, "401": {"$ref": "#/components/responses/Error"}, "429": {"$ref": "#/components/responses/Error"}}}
        },
        "/v1/users/{id}": {
          "parameters": [{"$ref": "#/components/parameters/UserID"}],
          "put": {"summary": "Create or replace a user with their texts", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserBody"}}}}, "responses": {"200": {"$ref": "#/components/responses/Profile"}, "201": {"$ref": "#/components/responses/Profile"}, "400": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}}},
          "get": {"summary": "Read a user", "responses": {"200": {"$ref": "#/components/responses/Profile"}, "404": {"$ref": "#/components/responses/Error"}}},
          "delete": {"summary": "Delete a user, their texts and hypotheses", "responses": {"204": {"description": "Deleted"}, "404": {"$ref": "#/components/responses/Error"}}}
        },
        "/v1/users/{id}/texts": {
          "parameters": [{"$ref": "#/components/parameters/UserID"}],
          "get": {"summary": "A user's texts", "responses": {"200": {"description": "Texts", "content": {"application/json": {"schema": {"type": "object", "properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/Text"}}}}}}}, "404": {"$ref": "#/components/responses/Error"}}},
          "post": {"summary": "Append texts", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["texts"], "properties": {"texts": {"type": "array", "items": {"$ref": "#/components/schemas/TextInput"}}}}}}}, "responses": {"200": {"$ref": "#/components/responses/Profile"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}
        },
        "/v1/users/{id}/hypotheses": {
          "parameters": [{"$ref": "#/components/parameters/UserID"}],
          "get": {"summary": "A user's hypotheses, with staleness; ETag is the revision", "responses": {"200": {"$ref": "#/components/responses/Hypotheses"}, "404": {"$ref": "#/components/responses/Error"}}},
          "patch": {"summary": "Edit hypotheses. With 'revision' or If-Match, 409 on a concurrent change; without, edits are re-applied to the newest set", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HypothesisEdits"}}}}, "responses": {"200": {"$ref": "#/components/responses/Hypotheses"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}},
          "delete": {"summary": "Delete a user's hypotheses (the user stays)", "responses": {"204": {"description": "Deleted"}, "404": {"$ref": "#/components/responses/Error"}}}
        },
        "/v1/users/{id}/hypotheses/inference": {
          "parameters": [{"$ref": "#/components/parameters/UserID"}],
          "post": {"summary": "Re-infer hypotheses as an asynchronous job (edits are kept)", "responses": {"202": {"description": "Job accepted; Location names its status resource", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}
        },
        "/v1/jobs/{job}": {
          "parameters": [{"name": "job", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"summary": "An inference job's status", "responses": {"200": {"description": "Job", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}}, "404": {"$ref": "#/components/responses/Error"}}}
        },
        "/v1/users/{id}/generations": {
          "parameters": [{"$ref": "#/components/parameters/UserID"}],
          "post": {"summary": "Personalized generation with a chosen variant", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["request"], "properties": {"request": {"type": "string"}, "variant": {"enum": ["zero-shot", "few-shot", "hyperalign", "hyperalign+examples"]}}}}}}, "responses": {"200": {"description": "Generation", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Generation"}}}}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "502": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "504": {"$ref": "#/components/responses/Error"}}}
        },
        "/v1/chat/completions": {
          "post": {"summary": "OpenAI-compatible chat completion, streamed (SSE) or not; 'user' or X-HyPerAlign-User selects the profile whose hypotheses are added as a system message", "parameters": [{"name": "X-HyPerAlign-User", "in": "header", "required": false, "schema": {"type": "string"}}], "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatCompletionRequest"}}}}, "responses": {"200": {"description": "chat.completion, or text/event-stream of chat.completion.chunk ending in [DONE]; X-HyPerAlign-Personalized says whether hypotheses were added", "content": {"application/json": {"schema": {"type": "object"}}, "text/event-stream": {"schema": {"type": "string"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "429": {"$ref": "#/components/responses/Error"}, "502": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "504": {"$ref": "#/components/responses/Error"}}}
        },
        "/v1/models": {
          "get": {"summary": "The model the service proxies to (OpenAI list shape)", "responses": {"200": {"description": "Models", "content": {"application/json": {"schema": {"type": "object"}}}}}}
        }
      },
      "components": {
        "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer"}},
        "parameters": {"UserID": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9_@-][A-Za-z0-9_.@-]{0,127}$"}}},
        "responses": {
          "Error": {"description": "OpenAI error shape", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Status": {"description": "Status", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string"}, "detail": {"type": "string"}}}}}},
          "Profile": {"description": "The user", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Profile"}}}},
          "Hypotheses": {"description": "The hypothesis set", "content": {"application/json": {"schema": {"type": "object", "properties": {"set": {"type": "object"}, "stale": {"type": "boolean"}}}}}}
        },
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["message", "type", "code"], "properties": {"message": {"type": "string"}, "type": {"type": "string"}, "param": {"type": ["string", "null"]}, "code": {"type": "string"}}}}},
          "TextInput": {"type": "object", "required": ["text"], "properties": {"id": {"type": "string"}, "text": {"type": "string"}, "prompt": {"type": "string"}, "source": {"type": "string"}}},
          "Text": {"type": "object", "properties": {"id": {"type": "string"}, "text": {"type": "string"}, "prompt": {"type": "string"}, "source": {"type": "string"}}},
          "UserBody": {"type": "object", "required": ["texts"], "properties": {"texts": {"type": "array", "items": {"$ref": "#/components/schemas/TextInput"}}, "attributes": {"type": "object", "additionalProperties": {"type": "string"}}}},
          "Profile": {"type": "object", "properties": {"id": {"type": "string"}, "texts": {"type": "array", "items": {"$ref": "#/components/schemas/Text"}}, "attributes": {"type": "object"}, "revision": {"type": "integer"}, "updatedAt": {"type": "string", "format": "date-time"}}},
          "ProfileSummary": {"type": "object", "properties": {"id": {"type": "string"}, "textCount": {"type": "integer"}, "hasHypotheses": {"type": "boolean"}, "hypothesesStale": {"type": "boolean"}, "updatedAt": {"type": "string", "format": "date-time"}}},
          "HypothesisEdits": {"type": "object", "required": ["edits"], "properties": {"revision": {"type": "integer"}, "edits": {"type": "array", "items": {"type": "object", "required": ["op"], "properties": {"op": {"enum": ["add", "reword", "recategorize", "remove"]}, "id": {"type": "string"}, "statement": {"type": "string"}, "category": {"type": "string"}, "evidence": {"type": "array", "items": {"type": "string"}}}}}}},
          "Job": {"type": "object", "properties": {"id": {"type": "string"}, "userID": {"type": "string"}, "status": {"enum": ["queued", "running", "succeeded", "failed"]}, "createdAt": {"type": "string"}, "finishedAt": {"type": "string"}, "hypothesesRevision": {"type": "integer"}, "hypothesisCount": {"type": "integer"}, "error": {"type": "string"}}},
          "Generation": {"type": "object", "properties": {"userID": {"type": "string"}, "variant": {"type": "string"}, "text": {"type": "string"}, "model": {"type": "string"}, "finishReason": {"type": "string"}, "usage": {"type": "object"}, "hypothesesRevision": {"type": "integer"}, "adherence": {"type": "object", "description": "the answer checked against each habit measured on the user's texts", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"statement": {"type": "string"}, "satisfied": {"type": "boolean"}, "detail": {"type": "string"}}}}, "satisfied": {"type": "integer"}, "checked": {"type": "integer"}, "rate": {"type": "number"}}}}},
          "ChatCompletionRequest": {"type": "object", "required": ["messages"], "properties": {"model": {"type": "string"}, "messages": {"type": "array", "items": {"type": "object", "required": ["role"], "properties": {"role": {"enum": ["system", "developer", "user", "assistant"]}, "content": {"oneOf": [{"type": "string"}, {"type": "array"}]}}}}, "stream": {"type": "boolean"}, "stream_options": {"type": "object"}, "user": {"type": "string"}, "temperature": {"type": "number"}, "top_p": {"type": "number"}, "max_tokens": {"type": "integer"}, "max_completion_tokens": {"type": "integer"}, "seed": {"type": "integer"}, "stop": {"oneOf": [{"type": "string"}, {"type": "array"}]}, "frequency_penalty": {"type": "number"}, "presence_penalty": {"type": "number"}, "n": {"const": 1}, "response_format": {"type": "object"}}}
        }
      }
    }
    """#
}
