Feature: Accuracy
  Who it protects: the person the information is about, and anyone who could be mistaken for
  them, when records from different agencies are matched.
  Why: shared data usually identifies offenders, victims or witnesses (4.2). It must be accurate
  and up to date (5.3): names, dates of birth and addresses checked so that merged records are
  about the same person, and fact kept apart from opinion or judgement (Appendix 2, question 4;
  Appendix 5). Police information is valid only at the time it is given (Appendix 3).
  Clauses covered: 4.2, 5.3, Appendix 2 question 4 (A2.Q4), Appendix 3 (A3), Appendix 5 (A5).

  @clause-4.2 @clause-A2.Q4 @fires
  Scenario: Whose information it is must be said
    Given an ordinary lawful share
    And it is not said whose information it is
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 4.2
    And the reason cites clause A2.Q4
    And a condition is to list whose information it is

  @clause-A2.Q4 @clause-5.3 @fires
  Scenario: The person's identity must be checked before sharing
    Given an ordinary lawful share
    And the person's identity has not been checked
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A2.Q4
    And the reason cites clause 5.3
    And a condition is to check name, date of birth and address

  @clause-A2.Q4 @clause-A5 @fires
  Scenario: Fact must be kept apart from opinion
    Given an ordinary lawful share
    And fact and opinion are not kept apart
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A2.Q4
    And the reason cites clause A5
    And a condition is to mark which parts are fact and which are opinion or judgement

  @clause-4.2 @clause-5.3 @clause-A2.Q4 @clause-A5 @does-not-fire
  Scenario: Checked, named and factual information raises no accuracy question
    Given an ordinary lawful share
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.2 is not raised
    And clause 5.3 is not raised
    And clause A2.Q4 is not raised
    And clause A5 is not raised

  @clause-A3 @fires
  Scenario: Police information is valid only at the time it is given
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause A3
    And the officer is told that it is valid only at the time it is provided

  @clause-A3 @does-not-fire
  Scenario: A council's own information carries no police caveat
    Given Rugby Borough Council propose to share a victim's address with Warwickshire Police
    When the share is checked against the protocol
    Then the answer is share
    And clause A3 is not raised
