Feature: MARAC meetings (Appendix 5)
  Who it protects: victims of domestic abuse at high risk of serious harm or homicide, and their
  children.
  Why: Multi Agency Risk Assessment Conferences use the confidentiality statement of Appendix 5
  (1.6). What is shared must be proportionate, relevant and necessary, with fact kept apart from
  professional opinion; the meetings must not be recorded; no guest agencies come without the
  chair's consent; and people joining from home do so alone, with smart devices off and unplugged.
  Each agency remains the controller of what it brings.
  Clauses covered: Appendix 5 (A5), 1.6, 6.1, 6.5, Appendix 2 question 4 (A2.Q4), 7.3.

  @clause-A5 @clause-1.6 @clause-6.1 @clause-6.5 @fires
  Scenario: Sharing a victim's health information at a MARAC follows the Appendix 5 statement
    Given Warwickshire Police propose to share a victim's health information with Refuge
    And it is shared at a MARAC meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A5
    And the reason cites clause 1.6
    And the reason cites clause 6.1
    And the reason cites clause 6.5
    And a condition is to make sure every attendee has signed the Appendix 5 declaration
    And a condition says the meeting must not be recorded
    And a condition says no guest agencies without the consent of the MARAC Chair
    And a condition says smart devices turned off and unplugged

  @clause-A5 @clause-A2.Q4 @fires
  Scenario: At a MARAC, fact is kept apart from professional opinion
    Given Warwickshire Police propose to share a victim's health information with Refuge
    And it is shared at a MARAC meeting
    And fact and opinion are not kept apart
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A5
    And the reason cites clause A2.Q4
    And a condition is to mark which parts are fact and which are opinion or judgement

  @clause-A5 @does-not-fire
  Scenario: The same share outside a MARAC is not under the MARAC statement
    Given Warwickshire Police propose to share a victim's health information with Refuge
    And the power to share is the common law
    When the share is checked against the protocol
    Then the answer is share
    And clause A5 is not raised

  @clause-A5 @clause-7.3 @fires
  Scenario: What was said at a MARAC goes further only on a lawful basis
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the information was first shared at a MARAC meeting
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause A5
    And the officer is advised, citing clause 7.3

  @clause-A5 @clause-3.6 @fires
  Scenario: An agency that has not signed comes to a MARAC only as a guest the chair agrees to
    Given Warwickshire Police propose to share a victim's health information with an agency that has not signed the protocol
    And it is shared at a MARAC meeting
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A5
    And the reason cites clause 3.6
    And the officer must refer to the meeting chair
    And the officer is told that it attends as a guest agency, which the Appendix 5 declaration allows only with the chair's consent
    And the answer rests on the reading that a recipient that has not signed, at a MARAC, is a guest

  @clause-3.6 @does-not-fire
  Scenario: A signatory at a MARAC needs nobody's consent to be there
    Given Warwickshire Police propose to share a victim's health information with Refuge
    And it is shared at a MARAC meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And nobody needs to be asked first
    And clause 3.6 is not raised

  @clause-A5 @clause-7.3 @fires
  Scenario: At a MARAC the chair's agreement is not the test for passing information on
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the information was first shared at a MARAC meeting
    And the chair of that meeting agreed to it being shared outside the meeting
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause A5
    And the officer is advised, citing clause 7.3
    And the officer is told that Appendix 5 does not make it the test: only a lawful basis lets the information go further
