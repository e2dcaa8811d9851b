import Foundation

/// Texts of many other people, the baseline a person's measured habits are compared with
/// (`infer --refine`): the first posts of the blog corpus, in file order.
public enum BaselineTexts {
    /// Up to `limit` blog posts from `dataDirectory`.
    /// - Throws: ``AuthorshipDataError`` if the blog corpus is missing or malformed.
    public static func blogPosts(in dataDirectory: URL, limit: Int = 400) throws(AuthorshipDataError) -> [String] {
        let reader = DataFileReader(dataDirectory: dataDirectory)
        var texts: [String] = []
        for record in try reader.jsonLines("\(AuthorshipDataset.blogs.folderName)/posts.jsonl").prefix(limit) {
            texts.append(try BlogPost(record).text)
        }
        return texts
    }
}
