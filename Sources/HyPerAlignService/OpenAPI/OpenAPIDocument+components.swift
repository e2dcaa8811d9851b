import HyPerAlign

extension OpenAPIDocument {
    /// The shared parameters, responses and schemas. Optional request fields accept `null` (the server
    /// reads it as absent), unknown request fields are ignored, and response fields that may be absent are
    /// left out of `required`.
    static func components(_ limits: Limits) -> String {
        #"""
        {
          "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer", "description": "An API key from 'hyperalign keys create --tenant NAME'"}},
          "parameters": {
            "UserID": {"name": "id", "in": "path", "required": true, "description": "1–128 ASCII letters, digits, '-', '_', '.', '@', not starting with '.'; percent-encode it as usual (ann%40example.com)", "schema": {"type": "string", "pattern": "\#(limits.userIDPattern)"}, "example": "ann@example.com"}
          },
          "responses": {
            "Status": {"description": "Status", "content": {"application/json": {"schema": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}, "detail": {"type": "string"}}}}}},
            "Profile": {"description": "The user", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Profile"}}}, "links": \#(userLinks)},
            "ProfileCreated": {"description": "The user, created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Profile"}}}, "links": \#(userLinks)},
            "Hypotheses": {"description": "The hypothesis set", "headers": {"ETag": {"required": true, "description": "The set's revision, quoted", "schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Hypotheses"}}}, "links": \#(hypothesisLinks)},
            "BadRequest": {"description": "A malformed request: the error names the field", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "Unauthorized": {"description": "No API key, or one the store does not know (or revoked)", "headers": {"WWW-Authenticate": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "NotFound": {"description": "No such user (or job, or hypotheses) in the caller's tenant", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "Conflict": {"description": "A well-formed request the resource's current state does not allow; 'code' says which", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "TooLarge": {"description": "The request body is over \#(limits.maxBodyBytes) bytes", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "RateLimited": {"description": "Over the client address's or the tenant's request budget (or its inference job queue is full); retry after 'Retry-After' seconds", "headers": {"Retry-After": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "InternalError": {"description": "A fault of the service itself (logged, never detailed to the client)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "Unavailable": {"description": "'store_unavailable': the profile store does not answer; or the upstream model is down, overloaded or rate limited. Retry after 'Retry-After' seconds", "headers": {"Retry-After": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "BadGateway": {"description": "The upstream model failed or sent a malformed answer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "GatewayTimeout": {"description": "The upstream model did not answer in time", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "Upstream4xx": {"description": "The upstream's own rejection (an unknown model, a field it refuses), relayed as it sent it", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          },
          "schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["message", "type"], "properties": {"message": {"type": "string"}, "type": {"type": "string"}, "param": {"type": ["string", "null"]}, "code": {"type": ["string", "null"]}}}}},
            "TextInput": {"type": "object", "required": ["text"], "properties": {
              "id": {"type": ["string", "null"], "minLength": 1, "maxLength": \#(limits.maxTextIDLength), "pattern": "\#(limits.noNULPattern)", "description": "Given: kept; absent or null: 't' and its position"},
              "text": {"type": "string", "maxLength": \#(limits.maxTextCharacters), "pattern": "\#(limits.textPattern)", "description": "Not blank; at most \#(limits.maxTextCharacters) code points; no U+0000 (in any field of a text)"},
              "prompt": {"type": ["string", "null"], "pattern": "\#(limits.noNULPattern)"}, "source": {"type": ["string", "null"], "pattern": "\#(limits.noNULPattern)"}}},
            "UserBody": {"type": "object", "required": ["texts"], "properties": {
              "texts": {"type": "array", "maxItems": \#(limits.maxTexts), "items": {"$ref": "#/components/schemas/TextInput"}},
              "attributes": {"type": ["object", "null"], "additionalProperties": {"type": "string"}}}},
            "TextsBody": {"type": "object", "required": ["texts"], "properties": {
              "texts": {"type": "array", "maxItems": \#(limits.maxTexts), "items": {"$ref": "#/components/schemas/TextInput"}}}},
            "Text": {"type": "object", "required": ["id", "text"], "properties": {"id": {"type": "string"}, "text": {"type": "string"}, "prompt": {"type": "string"}, "source": {"type": "string"}}},
            "TextList": {"type": "object", "required": ["object", "data"], "properties": {"object": {"const": "list"}, "data": {"type": "array", "items": {"$ref": "#/components/schemas/Text"}}}},
            "Profile": {"type": "object", "required": ["id", "texts", "attributes", "revision", "updatedAt"], "properties": {"id": {"type": "string"}, "texts": {"type": "array", "items": {"$ref": "#/components/schemas/Text"}}, "attributes": {"type": "object", "additionalProperties": {"type": "string"}}, "revision": {"type": "integer"}, "updatedAt": {"type": "string", "format": "date-time"}}},
            "ProfileSummary": {"type": "object", "required": ["id", "textCount", "hasHypotheses", "hypothesesStale", "updatedAt"], "properties": {"id": {"type": "string"}, "textCount": {"type": "integer"}, "hasHypotheses": {"type": "boolean"}, "hypothesesStale": {"type": "boolean"}, "updatedAt": {"type": "string", "format": "date-time"}}},
            "UserList": {"type": "object", "required": ["object", "data"], "properties": {"object": {"const": "list"}, "data": {"type": "array", "items": {"$ref": "#/components/schemas/ProfileSummary"}}}},
            "Hypothesis": {"type": "object", "required": ["id", "category", "statement", "evidence", "origin"], "properties": {"id": {"type": "string"}, "category": {"enum": \#(limits.categories)}, "statement": {"type": "string"}, "evidence": {"type": "array", "items": {"type": "string"}}, "confidence": {"type": "number"}, "origin": {"enum": ["inferred", "edited", "added"]}}},
            "Hypotheses": {"type": "object", "description": "A user's hypothesis set; 'stale' when their texts changed since inference", "required": ["userID", "revision", "stale", "hypotheses", "attributes", "provenance", "suppressedStatements"], "properties": {"userID": {"type": "string"}, "revision": {"type": "integer"}, "stale": {"type": "boolean"}, "hypotheses": {"type": "array", "items": {"$ref": "#/components/schemas/Hypothesis"}}, "attributes": {"$ref": "#/components/schemas/Attributes"}, "provenance": {"type": "object", "required": ["model", "promptVersion", "textsHash", "textCount"], "properties": {"model": {"type": "string"}, "promptVersion": {"type": "string"}, "createdAt": {"type": "string", "format": "date-time"}, "textsHash": {"type": "string"}, "textCount": {"type": "integer"}}}, "suppressedStatements": {"type": "array", "items": {"type": "string"}}}},
            "Attributes": {"type": "object", "description": "Facts about the person's writing; 'sources' says who set each: measured (from the texts), inferred (the model, checked), person", "required": ["formattingHabits", "sources"], "properties": {"typicalLengthWords": {"type": "integer"}, "register": {"type": "string"}, "domain": {"type": "string"}, "audience": {"type": "string"}, "language": {"type": "string"}, "formattingHabits": {"type": "array", "items": {"type": "string"}}, "sources": {"type": "object", "additionalProperties": {"enum": ["measured", "inferred", "person"]}}}},
            "HypothesisEdits": {"type": "object", "required": ["edits"], "properties": {
              "revision": {"type": ["integer", "null"], "minimum": 0, "maximum": 999999999999999, "description": "Apply only to this revision (409 otherwise)"},
              "edits": {"type": "array", "items": {"$ref": "#/components/schemas/HypothesisEdit"}}}},
            "HypothesisEdit": {"type": "object", "required": ["op"], "description": "Each op needs its own fields; fields an op does not use are ignored",
              "properties": {"op": {"enum": ["add", "reword", "recategorize", "remove", "set_attribute"]}, "id": {"type": ["string", "null"]}, "statement": {"type": ["string", "null"]}, "category": {"type": ["string", "null"]}, "evidence": {"type": ["array", "null"], "items": {"type": "string"}}, "name": {"type": ["string", "null"]}, "value": {"type": ["string", "null"]}},
              "oneOf": [
                {"required": ["op", "category", "statement"], "properties": {"op": {"const": "add"}, "category": {"enum": \#(limits.categories)}, "statement": {"type": "string", "pattern": "\#(limits.nonBlankPattern)"}}},
                {"required": ["op", "id", "statement"], "properties": {"op": {"const": "reword"}, "id": {"type": "string"}, "statement": {"type": "string", "pattern": "\#(limits.nonBlankPattern)"}}},
                {"required": ["op", "id", "category"], "properties": {"op": {"const": "recategorize"}, "id": {"type": "string"}, "category": {"enum": \#(limits.categories)}}},
                {"required": ["op", "id"], "properties": {"op": {"const": "remove"}, "id": {"type": "string"}}},
                {"required": ["op", "name"], "description": "Set an attribute as the person's own (kept by re-inference); null clears it", "properties": {"op": {"const": "set_attribute"}, "name": {"const": "register"}, "value": {"enum": \#(limits.registers.dropLast()), null]}}},
                {"required": ["op", "name"], "properties": {"op": {"const": "set_attribute"}, "name": {"const": "typical_length_words"}, "value": {"type": ["string", "null"], "pattern": "^[1-9][0-9]{0,3}$"}}},
                {"required": ["op", "name"], "properties": {"op": {"const": "set_attribute"}, "name": {"const": "language"}, "value": {"type": ["string", "null"], "pattern": "^[A-Za-z][A-Za-z -]{0,39}$"}}},
                {"required": ["op", "name"], "properties": {"op": {"const": "set_attribute"}, "name": {"enum": ["domain", "audience"]}, "value": {"type": ["string", "null"], "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]{0,120}$"}}}]},
            "PersonLinkRequest": {"type": "object", "properties": {"ttlSeconds": {"type": ["integer", "null"], "minimum": 60, "maximum": \#(limits.maxLinkSeconds), "description": "How long the link works (default 7 days)"}}},
            "PersonLinkCreated": {"type": "object", "required": ["id", "userID", "url", "createdAt", "expiresAt"], "properties": {"id": {"type": "string", "pattern": "\#(limits.linkIDPattern)"}, "userID": {"type": "string"}, "url": {"type": "string", "description": "Give this to the person; it opens their page until it expires or is revoked"}, "createdAt": {"type": "string", "format": "date-time"}, "expiresAt": {"type": "string", "format": "date-time"}}},
            "PersonLink": {"type": "object", "required": ["id", "userID", "createdAt", "expiresAt", "state"], "properties": {"id": {"type": "string", "pattern": "\#(limits.linkIDPattern)"}, "userID": {"type": "string"}, "createdAt": {"type": "string", "format": "date-time"}, "expiresAt": {"type": "string", "format": "date-time"}, "revokedAt": {"type": "string", "format": "date-time"}, "state": {"enum": ["active", "expired", "revoked"]}}},
            "Job": {"type": "object", "required": ["id", "userID", "status", "createdAt", "attempts"], "properties": {"id": {"type": "string", "pattern": "\#(limits.jobIDPattern)"}, "userID": {"type": "string"}, "status": {"enum": ["queued", "running", "succeeded", "failed"]}, "createdAt": {"type": "string", "format": "date-time"}, "finishedAt": {"type": "string", "format": "date-time"}, "attempts": {"type": "integer"}, "hypothesesRevision": {"type": "integer"}, "hypothesisCount": {"type": "integer"}, "error": {"type": "string"}}},
            "GenerationBody": {"type": "object", "required": ["request"], "properties": {
              "request": {"type": "string", "pattern": "\#(limits.nonBlankPattern)", "description": "What to write; not blank"},
              "variant": {"enum": \#(limits.variantsOrNull), "description": "Absent or null: 'hyperalign'"},
              "mode": {"enum": ["as", "for", null], "description": "'as' (absent or null): written as the user; 'for': answered for the user by an assistant that knows them"},
              "bestOf": {"type": ["integer", "null"], "minimum": 1, "maximum": \#(CheckedGeneration.maxCandidates), "description": "Candidates sampled in parallel; the one following most measured habits is kept (ties: the stylistically closest). Not with mode 'for'"},
              "revise": {"type": ["boolean", "null"], "description": "One rewrite pass naming the measured habits the answer breaks; kept only if it follows as many. Not with mode 'for'"},
              "repair": {"type": ["boolean", "null"], "description": "Edit each candidate mechanically to follow the habits an edit can fix (opening, sign-off, marks, length). Not with mode 'for'"}}},
            "Generation": {"type": "object", "required": ["userID", "variant", "text", "model", "usage", "adherence"], "properties": {"userID": {"type": "string"}, "variant": {"enum": \#(limits.variants)}, "text": {"type": "string"}, "model": {"type": "string"}, "finishReason": {"type": "string"}, "usage": {"type": "object"}, "hypothesesRevision": {"type": "integer"}, "adherence": {"type": "object", "description": "the answer checked against each habit measured on the user's texts", "required": ["items"], "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"statement": {"type": "string"}, "habit": {"type": "string", "description": "the kind of habit (e.g. sign-off, paragraph length), the same for every user"}, "satisfied": {"type": "boolean"}, "detail": {"type": "string"}}}}, "satisfied": {"type": "integer"}, "checked": {"type": "integer"}, "rate": {"type": ["number", "null"]}}},
              "candidates": {"type": "array", "description": "With bestOf, revise or repair: every candidate as scored", "items": {"type": "object", "properties": {"seed": {"type": ["integer", "null"]}, "satisfied": {"type": "integer"}, "closeness": {"type": "number"}, "text": {"type": "string"}}}},
              "chosen": {"type": "integer", "description": "Which candidate was kept (0-based)"},
              "revision": {"type": "object", "description": "With revise: the habits named and whether the rewrite was kept"},
              "repaired": {"type": "array", "items": {"type": "string"}, "description": "With repair: the habits the kept answer was edited to follow"}}},
            "ChatCompletionRequest": {"type": "object", "required": ["messages"], "description": "The fields the service reads; every other OpenAI field (temperature, tools, response_format, …) is forwarded as sent for the upstream to judge. A service whose model does not speak OpenAI's wire format (Anthropic) translates the request instead, and then answers a 400 itself for a field it cannot translate", "properties": {
              "model": {"type": ["string", "null"], "description": "Absent or null: the service's default model"},
              "messages": {"type": "array", "description": "Each message's other fields (content, tool calls, …), and whether an empty list will do, are the upstream's to judge", "items": {"type": "object", "required": ["role"], "properties": {"role": {"enum": \#(limits.roles)}}}},
              "stream": {"type": ["boolean", "null"]},
              "user": {"type": ["string", "null"]}}},
            "ChatCompletion": {"type": "object", "description": "The upstream's chat.completion, as it sent it"},
            "ModelList": {"type": "object", "required": ["object", "data"], "properties": {"object": {"const": "list"}, "data": {"type": "array", "items": {"type": "object", "required": ["id", "object", "created", "owned_by"], "properties": {"id": {"type": "string"}, "object": {"const": "model"}, "created": {"type": "integer"}, "owned_by": {"type": "string"}}}}}}
          }
        }
        """#
    }

    /// From a user the client just read or wrote to what it can do with them next (for clients and for
    /// schemathesis's stateful phase).
    static let userLinks = #"""
        {"GetUser": {"operationId": "getUser", "parameters": {"id": "$response.body#/id"}},
         "ListTexts": {"operationId": "listTexts", "parameters": {"id": "$response.body#/id"}},
         "AppendTexts": {"operationId": "appendTexts", "parameters": {"id": "$response.body#/id"}},
         "GetHypotheses": {"operationId": "getHypotheses", "parameters": {"id": "$response.body#/id"}},
         "EditHypotheses": {"operationId": "editHypotheses", "parameters": {"id": "$response.body#/id"}},
         "InferHypotheses": {"operationId": "inferHypotheses", "parameters": {"id": "$response.body#/id"}},
         "Generate": {"operationId": "generate", "parameters": {"id": "$response.body#/id"}},
         "DeleteHypotheses": {"operationId": "deleteHypotheses", "parameters": {"id": "$response.body#/id"}},
         "DeleteUser": {"operationId": "deleteUser", "parameters": {"id": "$response.body#/id"}}}
        """#

    /// From a hypothesis set to its other operations.
    static let hypothesisLinks = #"""
        {"GetHypotheses": {"operationId": "getHypotheses", "parameters": {"id": "$response.body#/userID"}},
         "EditHypotheses": {"operationId": "editHypotheses", "parameters": {"id": "$response.body#/userID"}},
         "DeleteHypotheses": {"operationId": "deleteHypotheses", "parameters": {"id": "$response.body#/userID"}},
         "Generate": {"operationId": "generate", "parameters": {"id": "$response.body#/userID"}}}
        """#
}
