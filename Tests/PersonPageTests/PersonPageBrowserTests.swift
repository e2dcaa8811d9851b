import AsyncHTTPClient
import Foundation
import HyPerAlign
import HyPerAlignService
import NIOCore
import NIOHTTP1
import ProfileStorage
import SQLiteStorage
import Testing

/// The person's page as a person meets it: headless Chromium (Debian's `chromium`, installed by
/// scripts/bootstrap) opens a link made through the operator API, reads the hypotheses and their highlighted
/// evidence, edits one, adds one, sets a fact, downloads everything, and deletes everything. Screenshots of
/// the page go to `runs/tests/person-page/`.
@Suite(.serialized)
struct PersonPageBrowserTests {
    static let quotes = ["Short version: yes, but only to Thursday.", "A rough chapter four is worth more to me than a perfect chapter two."]

    /// marta with her texts and an inferred set whose evidence quotes stand verbatim in them.
    static func seedMarta(_ store: SQLiteProfileStore, tenant: TenantID = "acme") async throws -> UserProfile {
        let profile = try await store.saveProfile(UserProfile(id: "marta", texts: try PageHarness.martaTexts()), tenant: tenant)
        let set = HypothesisSet(
            userID: "marta",
            hypotheses: [
                Hypothesis(category: .communication, statement: "They tend to open with the answer in one line.", evidence: [quotes[0]]),
                Hypothesis(category: .personality, statement: "They value progress over polish.", evidence: [quotes[1]]),
                Hypothesis(category: .style, statement: "They use numbered lists for logistics.", evidence: ["1. Thursday 7am at the footbridge."]),
            ],
            attributes: InferredAttributes(
                typicalLengthWords: 80, register: "informal", language: "English",
                sources: ["typical_length_words": .measured, "register": .measured, "language": .measured]),
            provenance: HypothesisProvenance(model: "smollm2-135m-instruct", promptVersion: "infer-category@2", textsHash: profile.textsHash, textCount: profile.texts.count))
        _ = try await store.saveHypothesisSet(set, tenant: tenant, expectedRevision: 0)
        return profile
    }

    @Test func aPersonReadsEditsAddsDownloadsAndDeletesEverything() async throws {
        let run = try PageHarness.runFolder()
        try await PageHarness.run { harness in
            _ = try await Self.seedMarta(harness.store)
            let link = try await harness.link("marta")
            let seen = try await PageHarness.browser(["flow", link.url, run.path, "They open every message with 'Short version:'.", "They sign off with an em dash and an initial."])

            // Opened: every hypothesis, with its quotes highlighted as evidence and inside the texts.
            let opened = try #require(seen["opened"] as? [String: Any])
            #expect(opened["status"] as? Int == 200)
            #expect((opened["statements"] as? [String])?.count == 3)
            #expect(opened["origins"] as? [String] == ["inferred", "inferred", "inferred"])
            let marks = try #require(opened["marksInTexts"] as? [String])
            for quote in Self.quotes { #expect(marks.contains(quote), "\(quote) is not highlighted in the texts: \(marks)") }
            #expect((opened["evidence"] as? [String])?.contains(Self.quotes[0]) == true)
            #expect((opened["attributes"] as? [String: String])?["language"] == "English")
            #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("person-page.png").path))
            let png = try Data(contentsOf: run.appendingPathComponent("person-page.png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))

            // Reworded and added through plain forms; the store has them as the person's, at new revisions.
            let reworded = try #require(seen["reworded"] as? [String: Any])
            #expect(reworded["notice"] as? String == "Saved the new wording.")
            #expect((reworded["statements"] as? [String])?.contains("They open every message with 'Short version:'.") == true)
            let added = try #require(seen["added"] as? [String: Any])
            #expect(added["notice"] as? String == "Added your note.")
            #expect((added["statements"] as? [String])?.contains("They sign off with an em dash and an initial.") == true)
            #expect((seen["attribute"] as? [String: Any]).flatMap { $0["attributes"] as? [String: String] }?["audience"] == "students and colleagues")

            // The download is everything about her, the hypotheses in their one shape.
            let file = try #require(seen["download"] as? String)
            let export = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
            #expect(export["userID"] as? String == "marta")
            #expect((export["texts"] as? [Any])?.count == 7)
            let document = try #require(export["hypotheses"] as? [String: Any])
            #expect(Set(document.keys) == ["userID", "revision", "stale", "hypotheses", "attributes", "provenance", "suppressedStatements"])
            let exported = try #require(document["hypotheses"] as? [[String: Any]])
            #expect(exported.map { $0["origin"] as? String } == ["edited", "inferred", "inferred", "added"])
            #expect(document["revision"] as? Int == 4)

            // Delete: confirmed once more, refused without the word, then gone — texts, hypotheses, links.
            #expect((seen["confirm"] as? [String: Any])?["heading"] as? String == "Delete everything about marta?")
            let refused = try #require(seen["refused_delete"] as? [String: Any])
            #expect(refused["status"] as? Int == 400)
            #expect(refused["heading"] as? String == "Nothing was deleted")
            let deleted = try #require(seen["deleted"] as? [String: Any])
            #expect(deleted["heading"] as? String == "Everything is deleted")
            let after = try #require(seen["after"] as? [String: Any])
            #expect(after["status"] as? Int == 410)
            #expect(after["heading"] as? String == "There is nothing here any more")
            #expect(try await harness.store.profile("marta", tenant: "acme") == nil)
            #expect(try await harness.store.hypothesisSet(for: "marta", tenant: "acme") == nil)
            #expect(try await harness.store.personLinks(userID: "marta", tenant: "acme").isEmpty)
        }
    }

    @Test func hostileInputShowsUpAsTextAndNothingRuns() async throws {
        let run = try PageHarness.runFolder()
        let hostile = [
            #"<script>window.__pwned = 1</script>"#,
            #""><img src=x onerror="window.__pwned = 2">"#,
            #"</textarea><script>window.__pwned = 3</script>{{csrf}}"#,
            #"' onmouseover='window.__pwned = 4"#,
        ]
        try await PageHarness.run { harness in
            let text = "Short version: " + hostile.joined(separator: " and ") + " are not welcome here."
            let profile = try await harness.store.saveProfile(
                UserProfile(id: "mallory", texts: [UserText(id: "t1", text: text, prompt: hostile[1])], attributes: ["role": hostile[0]]),
                tenant: "acme")
            _ = try await harness.store.saveHypothesisSet(HypothesisSet(
                userID: "mallory",
                hypotheses: hostile.map { Hypothesis(category: .style, statement: $0, evidence: [$0]) },
                attributes: InferredAttributes(domain: hostile[1], audience: hostile[2], sources: ["domain": .person, "audience": .person]),
                provenance: HypothesisProvenance(model: hostile[0], promptVersion: "p", textsHash: profile.textsHash, textCount: 1)),
                tenant: "acme", expectedRevision: 0)
            let link = try await harness.link("mallory")
            let seen = try await PageHarness.browser(["inspect", link.url, run.path])
            #expect(seen["status"] as? Int == 200)
            #expect(seen["scripts"] as? Int == 0)
            #expect(seen["images"] as? Int == 0)
            #expect(seen["handlers"] as? Int == 0)
            #expect(seen["pwned"] as? Bool == false)
            #expect(seen["pwned_later"] as? Bool == false)
            #expect(seen["statements"] as? [String] == hostile)
            #expect((seen["attributes"] as? [String: String])?["domain"] == hostile[1])
            #expect((seen["attributes"] as? [String: String])?["audience"] == hostile[2])
            #expect((seen["texts"] as? [String])?.first == text)
            // Each quote is highlighted as the text it is, not as markup.
            #expect(Set(seen["marksInTexts"] as? [String] ?? []).isSuperset(of: hostile))
        }
    }

    @Test func aLinkOpensOneUserOfOneTenantAndRefusedLinksSaySoClearly() async throws {
        try await PageHarness.run { harness in
            let store = harness.store
            _ = try await store.saveProfile(UserProfile(id: "ann", texts: [UserText(id: "t1", text: "Acme's Ann writes this.")]), tenant: "acme")
            _ = try await store.saveProfile(UserProfile(id: "bob", texts: [UserText(id: "t1", text: "Acme's Bob writes this.")]), tenant: "acme")
            _ = try await store.saveProfile(UserProfile(id: "ann", texts: [UserText(id: "t1", text: "Globex's Ann writes this.")]), tenant: "globex")
            let ann = try await harness.link("ann")
            let revoked = try await harness.link("bob")
            #expect(try await harness.call(.DELETE, "/v1/users/bob/links/\(revoked.id)").status == 204)
            // Another tenant's key can neither link to nor revoke acme's users.
            #expect(try await harness.call(.POST, "/v1/users/bob/links", tenant: 1).status == 404)
            #expect(try await harness.call(.DELETE, "/v1/users/ann/links/\(ann.id)", tenant: 1).status == 404)

            // The same token with another user or tenant written in keeps its signature: refused.
            let token = String(ann.url.split(separator: "/").last!)
            let secret = try await store.personLinkSecret(orStore: Data())
            let genuine = try PersonLinkToken.verify(token, secret: secret)
            func tampered(user: String, tenant: TenantID) -> String {
                var changed = genuine
                changed.userID = user
                changed.tenant = tenant
                let payload = changed.signed(with: Data("wrong secret, wrong secret, wrong!".utf8)).split(separator: ".")[0]
                return harness.baseURL + "/me/" + payload + "." + token.split(separator: ".")[1]
            }
            let expiredLink = PersonLink(tenant: "acme", userID: "ann", createdAt: Date(timeIntervalSinceNow: -7200), expiresAt: Date(timeIntervalSinceNow: -3600))
            try await store.savePersonLink(expiredLink)
            let expired = harness.baseURL + PersonLinks.path(for: PersonLinkToken(expiredLink).signed(with: secret))

            let seen = try await PageHarness.browser(["status", ann.url, tampered(user: "bob", tenant: "acme"),
                tampered(user: "ann", tenant: "globex"), harness.baseURL + "/me/not-a-token", revoked.url, expired])
            let pages = try #require(seen["pages"] as? [[String: Any]])
            #expect(pages.map { $0["status"] as? Int } == [200, 401, 401, 401, 403, 410])
            #expect(pages.map { $0["heading"] as? String } == [
                "What HyPerAlign holds about ann", "This link is not valid", "This link is not valid", "This link is not valid",
                "This link was withdrawn", "This link has expired",
            ])
            #expect((pages[0]["texts"] as? [String]) == ["Acme's Ann writes this."])
            #expect(pages.dropFirst().allSatisfy { ($0["forms"] as? Int) == 0 })
        }
    }

    @Test func formsNeedTheLinksTokenAndToComeFromThePage() async throws {
        try await PageHarness.run { harness in
            _ = try await Self.seedMarta(harness.store)
            let link = try await harness.link("marta")
            let path = String(link.url.dropFirst(harness.baseURL.count))
            let form = "category=style&statement=Injected"
            var request = try await formRequest(harness, path: path + "/hypotheses", body: form)
            #expect(request == 403)
            request = try await formRequest(harness, path: path + "/hypotheses", body: form + "&csrf=AAAA")
            #expect(request == 403)
            let links = PersonLinks(store: harness.store)
            let csrf = try await links.formToken(for: try await links.open(String(path.dropFirst("/me/".count))).get())
            request = try await formRequest(harness, path: path + "/hypotheses", body: form + "&csrf=\(csrf)", headers: [("Sec-Fetch-Site", "cross-site")])
            #expect(request == 403)
            request = try await formRequest(harness, path: path + "/hypotheses", body: form + "&csrf=\(csrf)", headers: [("Origin", "http://evil.example")])
            #expect(request == 403)
            #expect(try await harness.store.hypothesisSet(for: "marta", tenant: "acme")?.hypotheses.count == 3)
            request = try await formRequest(harness, path: path + "/hypotheses", body: form + "&csrf=\(csrf)", headers: [("Sec-Fetch-Site", "same-origin")])
            #expect(request == 303)
            #expect(try await harness.store.hypothesisSet(for: "marta", tenant: "acme")?.hypotheses.last?.statement == "Injected")
        }
    }

    /// A form post without an API key, as a browser sends it; returns the status.
    func formRequest(_ harness: PageHarness, path: String, body: String, headers: [(String, String)] = []) async throws -> Int {
        var request = HTTPClientRequest(url: harness.baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await harness.client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }
}
