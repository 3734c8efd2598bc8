Feature: Early Help locality panels (Appendix 7)
  Who it protects: children and families discussed at Early Help panels, whose personal and
  sensitive information is shared to identify their needs and risk of harm.
  Why: Early Help Locality Panels use the declaration of Appendix 7 (1.6). Each agency is a data
  controller bound by the common law duty of confidentiality, and information is used only for
  the matters discussed and decisions made in the meeting.
  Clauses covered: Appendix 7 (A7), 1.6, 6.1, 7.3.

  @clause-A7 @clause-1.6 @clause-6.1 @fires
  Scenario: Sharing at an Early Help panel follows the Appendix 7 declaration
    Given Warwickshire County Council propose to share a child's address with Barnardo's
    And it is shared at an Early Help locality panel
    And the power to share is the Children Act
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A7
    And the reason cites clause 1.6
    And the reason cites clause 6.1
    And a condition is to make sure every attendee has signed the Appendix 7 declaration
    And a condition says information is used only for the matters discussed and decisions made in the meeting

  @clause-A7 @clause-7.3 @fires
  Scenario: What was said at an Early Help panel is passed on only with the chair's agreement
    Given Warwickshire County Council propose to share a child's address with Bromford Housing
    And the power to share is the common law
    And the information was first shared at an Early Help locality panel
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A7
    And the reason cites clause 7.3
    And the officer must refer to the meeting chair

  @clause-A7 @does-not-fire
  Scenario: The same share outside the panel is not under its declaration
    Given Warwickshire County Council propose to share a child's address with Barnardo's
    And the power to share is the Children Act
    When the share is checked against the protocol
    Then the answer is share
    And clause A7 is not raised
