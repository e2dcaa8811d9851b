extension OpenAPIDocument {
    /// Every route with every status it can answer. Each `/v1` operation can also answer 401 (no or a bad
    /// key), 429 (the address's or the tenant's budget), 500 and 503 (the store, which checks the key, does
    /// not answer); operations on a user add 400 (a malformed id) and 404 (no such user in the tenant).
    static func paths(_ limits: Limits) -> String {
        #"""
        {
          "/health": {"get": {"operationId": "health", "summary": "Liveness", "security": [], "responses": {"200": {"$ref": "#/components/responses/Status"}}}},
          "/ready": {"get": {"operationId": "ready", "summary": "Readiness: the store answers within 2 s", "security": [], "responses": {"200": {"$ref": "#/components/responses/Status"}, "503": {"$ref": "#/components/responses/Status"}}}},
          "/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus metrics", "security": [], "responses": {"200": {"description": "Prometheus text exposition", "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
          "/openapi.json": {"get": {"operationId": "openapi", "summary": "This document", "security": [], "responses": {"200": {"description": "OpenAPI document", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
          "/v1/users": {
            "get": {"operationId": "listUsers", "summary": "List the tenant's users",
              "responses": {"200": {"description": "Users", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserList"}}}}, \#(common)}}
          },
          "/v1/users/{id}": {
            "parameters": [{"$ref": "#/components/parameters/UserID"}],
            "put": {"operationId": "putUser", "summary": "Create or replace a user with their texts",
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserBody"}, "example": {"texts": [{"text": "Short notes, straight to the point. Cheers, Ann."}, {"id": "memo-2", "text": "Friday works. Cheers, Ann.", "prompt": "Reply to the scheduling thread", "source": "mail"}], "attributes": {"role": "editor"}}}}},
              "responses": {"200": {"$ref": "#/components/responses/Profile"}, "201": {"$ref": "#/components/responses/ProfileCreated"}, "400": {"$ref": "#/components/responses/BadRequest"}, "413": {"$ref": "#/components/responses/TooLarge"}, \#(common)}},
            "get": {"operationId": "getUser", "summary": "Read a user",
              "responses": {"200": {"$ref": "#/components/responses/Profile"}, \#(onUser)}},
            "delete": {"operationId": "deleteUser", "summary": "Delete a user, their texts and hypotheses",
              "responses": {"204": {"description": "Deleted"}, \#(onUser)}}
          },
          "/v1/users/{id}/texts": {
            "parameters": [{"$ref": "#/components/parameters/UserID"}],
            "get": {"operationId": "listTexts", "summary": "A user's texts",
              "responses": {"200": {"description": "Texts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TextList"}}}}, \#(onUser)}},
            "post": {"operationId": "appendTexts", "summary": "Append texts; texts without an id get the next free 'tN'. 409 'too_many_texts' when the user would have more than \#(limits.maxTexts)",
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TextsBody"}, "example": {"texts": [{"text": "Noted, thanks. Cheers, Ann."}]}}}},
              "responses": {"200": {"$ref": "#/components/responses/Profile"}, "409": {"$ref": "#/components/responses/Conflict"}, "413": {"$ref": "#/components/responses/TooLarge"}, \#(onUser)}}
          },
          "/v1/users/{id}/hypotheses": {
            "parameters": [{"$ref": "#/components/parameters/UserID"}],
            "get": {"operationId": "getHypotheses", "summary": "A user's hypotheses, with staleness; ETag is the revision. 404 'hypotheses_not_found' before any inference",
              "responses": {"200": {"$ref": "#/components/responses/Hypotheses"}, \#(onUser)}},
            "patch": {"operationId": "editHypotheses", "summary": "Edit hypotheses atomically (a user without hypotheses gets a set of their own, revision 0 before it is saved). With 'revision' or If-Match, 409 'conflict' on a concurrent change; without, edits are re-applied to the newest set. 409 'hypothesis_not_found' for an edit naming a hypothesis the set does not have",
              "parameters": [{"name": "If-Match", "in": "header", "required": false, "description": "The revision the edits apply to, as the ETag names it", "schema": {"type": "string", "pattern": "\#(limits.ifMatchPattern)"}}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HypothesisEdits"}, "example": {"edits": [{"op": "add", "category": "style", "statement": "Signs off with 'Cheers'.", "evidence": ["Cheers, Ann."]}]}}}},
              "responses": {"200": {"$ref": "#/components/responses/Hypotheses"}, "409": {"$ref": "#/components/responses/Conflict"}, "413": {"$ref": "#/components/responses/TooLarge"}, \#(onUser)}},
            "delete": {"operationId": "deleteHypotheses", "summary": "Delete a user's hypotheses (the user stays)",
              "responses": {"204": {"description": "Deleted"}, \#(onUser)}}
          },
          "/v1/users/{id}/hypotheses/inference": {
            "parameters": [{"$ref": "#/components/parameters/UserID"}],
            "post": {"operationId": "inferHypotheses", "summary": "Re-infer hypotheses as an asynchronous job (edits are kept). A user's queued or running job is answered again instead of a second one; 409 'no_texts' for a user without texts; 429 'job_queue_full' when the tenant's queue is full",
              "responses": {"202": {"description": "Job accepted; Location names its status resource",
                "headers": {"Location": {"required": true, "schema": {"type": "string"}}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}},
                "links": {"GetJob": {"operationId": "getJob", "parameters": {"job": "$response.body#/id"}}}},
                "409": {"$ref": "#/components/responses/Conflict"}, \#(onUser)}}
          },
          "/v1/users/{id}/links": {
            "parameters": [{"$ref": "#/components/parameters/UserID"}],
            "post": {"operationId": "createPersonLink", "summary": "A link to the user's own page (GET /me/{token}, HTML): signed, for this user of this tenant only, expiring, revocable. There the person reads, corrects, adds to, downloads and deletes what is held about them. The URL starts with the service's public URL (serve --public-url), else the address this request came to",
              "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PersonLinkRequest"}, "example": {"ttlSeconds": 86400}}}},
              "responses": {"201": {"description": "The link; the URL is shown only now",
                "headers": {"Location": {"required": true, "schema": {"type": "string"}}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PersonLinkCreated"}}}},
                "413": {"$ref": "#/components/responses/TooLarge"}, \#(onUser)}},
            "get": {"operationId": "listPersonLinks", "summary": "The user's links (ids and states, never their URLs)",
              "responses": {"200": {"description": "Links", "content": {"application/json": {"schema": {"type": "object", "required": ["object", "data"], "properties": {"object": {"const": "list"}, "data": {"type": "array", "items": {"$ref": "#/components/schemas/PersonLink"}}}}}}}, \#(onUser)}}
          },
          "/v1/users/{id}/links/{link}": {
            "parameters": [{"$ref": "#/components/parameters/UserID"}, {"name": "link", "in": "path", "required": true, "schema": {"type": "string", "pattern": "\#(limits.linkIDPattern)"}}],
            "delete": {"operationId": "revokePersonLink", "summary": "Revoke a link: its page answers 403 from now on. 404 'link_not_found' when the user has no such link",
              "responses": {"204": {"description": "Revoked"}, \#(onUser)}}
          },
          "/v1/jobs/{job}": {
            "parameters": [{"name": "job", "in": "path", "required": true, "schema": {"type": "string", "pattern": "\#(limits.jobIDPattern)"}}],
            "get": {"operationId": "getJob", "summary": "An inference job's status (any replica answers)",
              "responses": {"200": {"description": "Job", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}, \#(common)}}
          },
          "/v1/users/{id}/generations": {
            "parameters": [{"$ref": "#/components/parameters/UserID"}],
            "post": {"operationId": "generate", "summary": "Personalized generation with a chosen variant; 409 'hypotheses_required' for a variant that needs hypotheses the user does not have yet",
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GenerationBody"}, "example": {"request": "Tell the team the meeting moves to Friday.", "variant": "hyperalign"}}}},
              "responses": {"200": {"description": "Generation", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Generation"}}}}, "409": {"$ref": "#/components/responses/Conflict"}, "413": {"$ref": "#/components/responses/TooLarge"}, \#(upstream), \#(onUser)}}
          },
          "/v1/chat/completions": {
            "post": {"operationId": "createChatCompletion", "summary": "OpenAI-compatible chat completion, streamed (SSE) or not; 'user' (for tenants that opted in) or X-HyPerAlign-User selects the profile whose hypotheses are added as a system message. The service checks the fields it reads (ChatCompletionRequest); every other field is forwarded as sent, and the upstream's own 4xx answer comes back as it sent it",
              "parameters": [{"name": "X-HyPerAlign-User", "in": "header", "required": false, "description": "The user to personalize for; an unknown or invalid one passes the request through unchanged", "schema": {"type": "string"}}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatCompletionRequest"}, "example": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Draft a two-line note about Friday's meeting."}]}}}},
              "responses": {"200": {"description": "chat.completion, or text/event-stream of chat.completion.chunk ending in [DONE]; X-HyPerAlign-Personalized says whether hypotheses were added",
                "headers": {"X-HyPerAlign-Personalized": {"schema": {"enum": ["true", "false"]}}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatCompletion"}}, "text/event-stream": {"schema": {"description": "One server-sent event: a chat.completion.chunk as JSON, the last one [DONE]", "type": "object", "required": ["data"], "properties": {"data": {"type": "string"}, "event": {"type": "string"}}}}}},
                "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/Upstream4xx"}, "413": {"$ref": "#/components/responses/TooLarge"}, "4XX": {"$ref": "#/components/responses/Upstream4xx"}, \#(upstream), \#(common)}}
          },
          "/v1/models": {
            "get": {"operationId": "listModels", "summary": "The models the service proxies to (OpenAI list shape)",
              "responses": {"200": {"description": "Models", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ModelList"}}}}, \#(common)}}
          }
        }
        """#
    }

    /// The statuses of every `/v1` operation.
    static let common = #"""
        "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/RateLimited"}, "500": {"$ref": "#/components/responses/InternalError"}, "503": {"$ref": "#/components/responses/Unavailable"}
        """#

    /// The statuses of every operation on `/v1/users/{id}…`: a malformed id, an unknown user, and the common ones.
    static let onUser = #"""
        "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}, \#(common)
        """#

    /// What a failing upstream model turns into (503 is among the common statuses).
    static let upstream = #"""
        "502": {"$ref": "#/components/responses/BadGateway"}, "504": {"$ref": "#/components/responses/GatewayTimeout"}
        """#
}
