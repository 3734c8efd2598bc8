Feature: Consent
  Who it protects: the person the information is about, who should be asked to agree wherever it
  is appropriate, safe and possible, and whose refusal or limits must be respected or openly
  overridden.
  Why: individuals are to be asked for their agreement to share where appropriate, safe and
  possible (5.5). Where consent is not sought, another lawful basis or an exemption must apply
  (5.6), and the reason goes on record. Consent that is given is recorded, with any restrictions
  (Appendix 2, question 6); sharing without it needs a justification, such as protecting the
  victim (Appendix 2, question 7).
  Clauses covered: 5.5, 5.6, Appendix 2 questions 6 and 7 (A2.Q6, A2.Q7), 7.3.

  @clause-5.5 @clause-A2.Q7 @fires
  Scenario: Consent not sought, with no reason given, goes to the Designated Officer
    Given an ordinary lawful share
    And consent was not sought, and no reason is recorded
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 5.5
    And the reason cites clause A2.Q7
    And the officer must refer to the Designated Officer

  @clause-5.5 @clause-5.6 @clause-A2.Q7 @fires
  Scenario: Consent not sought for a good reason is allowed, and the reason goes in the record
    Given an ordinary lawful share
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause 5.5
    And the officer is advised, citing clause 5.6
    And the officer is advised, citing clause A2.Q7
    And the officer is told that the reason is given: keep it with the decision record

  @clause-A2.Q6 @fires
  Scenario: Consent that was given must be recorded before sharing
    Given an ordinary lawful share
    And the victim agreed to the share, but their consent is not recorded
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A2.Q6
    And a condition is to record the consent

  @clause-A2.Q6 @fires
  Scenario: Limits the person put on their consent travel with the information
    Given an ordinary lawful share
    And the victim agreed only on condition that their landlord is not told
    And the share stays within those limits
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A2.Q6
    And a condition is to confirm the share stays within those limits, and tell the recipient what they are

  @clause-A2.Q6 @clause-7.3 @fires
  Scenario: A share beyond the limits of the person's consent is not allowed
    Given an ordinary lawful share
    And the victim agreed only on condition that their landlord is not told
    And the share goes beyond those limits
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause A2.Q6
    And the reason cites clause 7.3

  @clause-A2.Q7 @clause-5.6 @fires
  Scenario Outline: Sharing against the person's wishes must be justified on the record
    Given an ordinary lawful share
    And the victim <refusal> consent
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A2.Q7
    And the reason cites clause 5.6
    And a condition is to record why sharing without agreement is justified

    Examples:
      | refusal  |
      | refused  |
      | withdrew |

  @clause-A2.Q6 @clause-7.3 @fires
  Scenario: Consent whose limits nobody has checked waits until they are
    Given an ordinary lawful share
    And the victim agreed to the share, but whether they put limits on it is not known
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A2.Q6
    And the reason cites clause 7.3
    And a condition is to check the consent record for any limits the person put on sharing

  @clause-5.5 @clause-5.6 @clause-A2.Q6 @clause-A2.Q7 @does-not-fire
  Scenario: Consent given with no limits and recorded raises nothing
    Given an ordinary lawful share
    And the victim agreed to the share with no limits, and their consent is recorded
    When the share is checked against the protocol
    Then the answer is share
    And clause 5.5 is not raised
    And clause 5.6 is not raised
    And clause A2.Q6 is not raised
    And clause A2.Q7 is not raised
