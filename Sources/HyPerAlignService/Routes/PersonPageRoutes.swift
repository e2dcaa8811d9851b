import Foundation
import HTTPTypes
import HyPerAlign
import Logging
import Hummingbird
import NIOCore
import PersonPage
import ProfileStorage

/// `/me/{token}`: the person's own page, reached by a link an operator made (``PersonLinks``), not by an
/// API key. Server-rendered HTML and plain forms (POST, then a redirect), so it works without scripts.
/// Every edit goes through ``ProfileStore/updateHypothesisSet(for:tenant:retry:_:)`` like the API's, and
/// every form carries a token derived from the link.
struct PersonPageRoutes {
    let service: HyPerAlignService
    let links: PersonLinks
    let renderer: Result<PersonPageRenderer, PersonPageError>

    init(service: HyPerAlignService, links: PersonLinks) {
        self.service = service
        self.links = links
        renderer = Result { () throws(PersonPageError) in try PersonPageRenderer() }
    }

    /// A form that cannot be used, shown to the person with a way back.
    struct FormProblem: Error {
        var status: HTTPResponse.Status
        var title: String
        var message: String
    }

    /// What a finished action says on the page (chosen here, never taken from the request).
    static let notices = [
        "added": "Added your note.", "reworded": "Saved the new wording.", "recategorized": "Moved the note.",
        "removed": "Removed the note; it will not come back when your texts are read again.",
        "attribute": "Saved.",
    ]

    func add(to group: RouterGroup<ServiceRequestContext>) {
        group.get("{token}") { request, context in
            await page(context) { opened, profile in
                let set = try await service.store.hypothesisSet(for: profile.id, tenant: opened.link.tenant)
                let notice = request.uri.queryParameters.get("done").flatMap { Self.notices[$0] } ?? ""
                let model = PersonPageModel(
                    profile: profile, set: set, basePath: opened.basePath, csrf: try await links.formToken(for: opened),
                    notice: notice, expires: opened.link.expiresAt)
                return HTMLPage.response(try renderer.get().render(model))
            }
        }
        group.post("{token}/hypotheses") { request, context in
            await page(context) { opened, profile in
                let form = try await checkedForm(request, opened)
                let edit = HypothesisEdit.add(category: try category(form["category"]), statement: try statement(form["statement"]), evidence: [])
                let saved = try await apply(edit, profile: profile, opened: opened)
                return HTMLPage.redirect(to: "\(opened.basePath)?done=added#\(saved.hypotheses.last?.id ?? "add")")
            }
        }
        group.post("{token}/hypotheses/{hypothesis}") { request, context in
            await page(context) { opened, profile in
                let form = try await checkedForm(request, opened)
                let id = try context.pathParameter("hypothesis")
                let (edit, done): (HypothesisEdit, String) = switch form["action"] {
                case "reword": (.reword(id: id, statement: try statement(form["statement"])), "reworded")
                case "recategorize": (.recategorize(id: id, category: try category(form["category"])), "recategorized")
                case "remove": (.remove(id: id), "removed")
                default: throw FormProblem(status: .badRequest, title: "Unknown change", message: "This form asks for a change the page does not know.")
                }
                _ = try await apply(edit, profile: profile, opened: opened)
                return HTMLPage.redirect(to: "\(opened.basePath)?done=\(done)" + (done == "removed" ? "" : "#\(id)"))
            }
        }
        group.post("{token}/attributes") { request, context in
            await page(context) { opened, profile in
                let form = try await checkedForm(request, opened)
                guard let name = form["name"].flatMap(AttributeName.init(rawValue:)) else {
                    throw FormProblem(status: .badRequest, title: "Unknown fact", message: "This form names a fact the page does not know.")
                }
                _ = try await apply(.setAttribute(name: name, value: form["value"]), profile: profile, opened: opened)
                return HTMLPage.redirect(to: "\(opened.basePath)?done=attribute#attribute-\(name.rawValue)")
            }
        }
        group.get("{token}/download") { _, context in
            await page(context) { opened, profile in
                let tenant = opened.link.tenant
                let export = PersonExport(
                    profile: profile, tenant: tenant, set: try await service.store.hypothesisSet(for: profile.id, tenant: tenant),
                    links: try await service.store.personLinks(userID: profile.id, tenant: tenant))
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                var headers = HTMLPage.headers(contentType: "application/json")
                headers[.contentDisposition] = "attachment; filename=\"hyperalign-\(profile.id).json\""
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(export))))
            }
        }
        group.get("{token}/delete") { _, context in
            await page(context) { opened, profile in
                let set = try await service.store.hypothesisSet(for: profile.id, tenant: opened.link.tenant)
                return HTMLPage.response(try renderer.get().render(ConfirmDeletePage(
                    person: profile.id, basePath: opened.basePath, csrf: try await links.formToken(for: opened),
                    textCount: profile.texts.count, hypothesisCount: set?.hypotheses.count ?? 0)))
            }
        }
        group.post("{token}/delete") { request, context in
            await page(context) { opened, profile in
                let form = try await checkedForm(request, opened)
                guard form["confirm"]?.trimmingCharacters(in: .whitespaces).lowercased() == "delete" else {
                    throw FormProblem(
                        status: .badRequest, title: "Nothing was deleted",
                        message: "To delete everything, type the word delete in the box and press the button again.")
                }
                let tenant = opened.link.tenant
                _ = try await service.store.erasePerson(profile.id, tenant: tenant)
                service.personalizer.invalidate(user: profile.id, tenant: tenant)
                service.logger.notice("a person deleted their data", metadata: ["tenant": "\(tenant)", "link": "\(opened.link.id)"])
                return HTMLPage.response(try renderer.get().render(MessagePage(
                    title: "Everything is deleted",
                    message: "Your texts, the notes about you, anything waiting to be inferred and this link are gone for good.",
                    hint: "Nothing about you is kept here any more. You can close this page.")))
            }
        }
    }

    /// Opens the link in the path and runs `body` with it and the person's profile; a link that does not
    /// open, a refused form or a failure becomes a page saying so.
    private func page(
        _ context: ServiceRequestContext, _ body: (PersonLinks.Opened, UserProfile) async throws -> Response
    ) async -> Response {
        do {
            let token = try context.parameters.require("token")
            let opened: PersonLinks.Opened
            switch try await links.open(token) {
            case .failure(let refusal):
                return message(MessagePage(title: refusal.title, message: refusal.message, hint: refusal.hint),
                               status: HTTPResponse.Status(code: refusal.status))
            case .success(let success): opened = success
            }
            guard let profile = try await service.store.profile(opened.link.userID, tenant: opened.link.tenant) else {
                let gone = PersonLinkRefusal.gone
                return message(MessagePage(title: gone.title, message: gone.message, hint: gone.hint), status: .gone)
            }
            do {
                return try await body(opened, profile)
            } catch let problem as FormProblem {
                return message(MessagePage(title: problem.title, message: problem.message, backPath: opened.basePath), status: problem.status)
            } catch let error as HypothesisEditError {
                return message(MessagePage(title: "That change could not be made", message: error.description, backPath: opened.basePath),
                               status: .badRequest)
            } catch let error as StoreError where error.kind == .conflict {
                return message(MessagePage(title: "Your page changed meanwhile", message: error.description, backPath: opened.basePath),
                               status: .conflict)
            }
        } catch {
            service.logger.error("person page failed", metadata: ["error": "\(error)"])
            return message(MessagePage(title: "Something went wrong", message: "The page could not be shown. Try again in a moment."),
                           status: .internalServerError)
        }
    }

    private func message(_ page: MessagePage, status: HTTPResponse.Status) -> Response {
        switch renderer {
        case .success(let renderer): HTMLPage.response(renderer.render(page), status: status)
        case .failure(let error):
            Response(status: .internalServerError, headers: HTMLPage.headers(contentType: "text/plain; charset=utf-8"),
                     body: .init(byteBuffer: ByteBuffer(string: "\(page.title)\n\n\(error)")))
        }
    }

    /// The posted form, refused unless it carries this link's form token and (when the browser says where
    /// it came from) was posted from this service's own pages.
    private func checkedForm(_ request: Request, _ opened: PersonLinks.Opened) async throws -> FormBody {
        let form: FormBody
        do {
            form = try await FormBody.read(request, limit: links.configuration.maxFormBytes)
        } catch {
            throw FormProblem(status: .contentTooLarge, title: "Too much text", message: "The form was larger than this page accepts.")
        }
        let expected = try await links.formToken(for: opened)
        let stale = FormProblem(
            status: .forbidden, title: "This form is out of date",
            message: "It was not sent from your current page. Reload the page and try again.")
        guard let token = form["csrf"], Self.equalInConstantTime(token, expected) else { throw stale }
        // Browsers say where a form came from: `Sec-Fetch-Site`, and `Origin` (just `null` under this
        // page's no-referrer policy). Another site's form is refused even before its token is compared.
        if let site = request.headers[.init("Sec-Fetch-Site")!], site != "same-origin", site != "none" { throw stale }
        if let origin = request.headers[.origin], origin != "null", let host = request.head.authority,
            origin != "http://\(host)", origin != "https://\(host)"
        {
            throw stale
        }
        return form
    }

    private func apply(_ edit: HypothesisEdit, profile: UserProfile, opened: PersonLinks.Opened) async throws -> HypothesisSet {
        try await service.store.updateHypothesisSet(for: profile.id, tenant: opened.link.tenant) { current in
            try HypothesisSet.applying([edit], to: current, profile: profile)
        }
    }

    private func statement(_ value: String?) throws -> String {
        let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty else { throw FormProblem(status: .badRequest, title: "Empty note", message: "Write the note before saving it.") }
        guard text.count <= 1000 else {
            throw FormProblem(status: .badRequest, title: "Note too long", message: "A note may have at most 1000 characters (this has \(text.count)).")
        }
        return text
    }

    private func category(_ value: String?) throws -> Hypothesis.Category {
        guard let category = value.flatMap(Hypothesis.Category.init(rawValue:)) else {
            throw FormProblem(status: .badRequest, title: "Unknown section", message: "Choose one of the sections offered.")
        }
        return category
    }

    static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
