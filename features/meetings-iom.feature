Feature: IOM case conferences (Appendix 6)
  Who it protects: the offenders managed under Integrated Offender Management, whose lives are
  discussed in detail, and the communities and victims the scheme protects.
  Why: IOM Multi Agency Case Conferences use the declaration of Appendix 6 (1.6). What is
  discussed is confidential, used only for reducing crime, passed to third parties only with the
  chair's agreement, and shared personal data received from another partner must not leave the UK.
  Clauses covered: Appendix 6 (A6), 1.6, 6.1, 7.3.

  @clause-A6 @clause-1.6 @clause-6.1 @fires
  Scenario: Sharing at an IOM case conference follows the Appendix 6 declaration
    Given the Probation Service propose to share an offender's criminal record with Change, Grow, Live
    And it is shared at an IOM case conference
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A6
    And the reason cites clause 1.6
    And the reason cites clause 6.1
    And a condition is to make sure every attendee has signed the Appendix 6 declaration
    And a condition says nothing discussed is passed to a third party without the chair's agreement
    And a condition says shared personal data received from another partner is never transferred outside the UK

  @clause-A6 @clause-7.3 @fires
  Scenario: What was said at an IOM case conference is passed on only with the chair's agreement
    Given the Probation Service propose to share an offender's address with Bromford Housing
    And the power to share is the common law
    And the information was first shared at an IOM case conference
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A6
    And the reason cites clause 7.3
    And the officer must refer to the meeting chair

  @clause-A6 @does-not-fire
  Scenario: The same share at a MARAC meeting is not under the IOM declaration
    Given the Probation Service propose to share an offender's criminal record with Change, Grow, Live
    And it is shared at a MARAC meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And clause A6 is not raised

  @clause-A6 @clause-7.3 @fires
  Scenario: What the IOM chair agreed to pass on goes ahead once the agreement is recorded
    Given the Probation Service propose to share an offender's address with Bromford Housing
    And the power to share is the common law
    And the information was first shared at an IOM case conference
    And the chair of that meeting agreed to it being shared outside the meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A6
    And the reason cites clause 7.3
    And nobody needs to be asked first
    And a condition is to record who agreed, when, and what they agreed could be shared
