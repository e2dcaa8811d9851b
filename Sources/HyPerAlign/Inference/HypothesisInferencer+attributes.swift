import LanguageModels

extension HypothesisInferencer {
    /// The attributes a fresh set keeps: measured ones, and the model's proposals that are valid and not
    /// echoes of `template`; what was dropped goes into `report` with the reason.
    func checkedAttributes(
        _ proposed: InferredAttributes, profile: UserProfile, template: PromptTemplate, report: inout InferenceReport
    ) -> InferredAttributes {
        let outcome = AttributeValidator(promptText: template.system + "\n" + template.user)
            .check(proposed, texts: profile.texts.map(\.text))
        report.droppedAttributes += outcome.dropped
        return outcome.attributes
    }
}
