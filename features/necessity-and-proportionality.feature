Feature: Necessity and proportionality
  Who it protects: the person whose privacy is interfered with by any share, who is entitled to
  have no more shared than the purpose needs, and nothing shared that would make no difference.
  Why: each share must be necessary and proportionate. Appendix 2 asks why the information is
  wanted (question 1), whether sharing will make a difference (question 2), and whether it is
  proportionate: could less be shared, is there another way, what is the impact on the person, and
  are any sensitive details essential (question 3). The police request form asks why the
  information is necessary (Appendix 11); data must be limited to what is necessary (5.3).
  Clauses covered: 4.4, 5.3, Appendix 2 questions 1 to 3 (A2.Q1, A2.Q2, A2.Q3), Appendix 11 (A11).

  @clause-4.4 @clause-A2.Q1 @clause-A11 @fires
  Scenario: Nobody has written down why the information is necessary
    Given an ordinary lawful share
    And nobody has written down why the information is necessary
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 4.4
    And the reason cites clause A2.Q1
    And the reason cites clause A11

  @clause-A2.Q2 @fires
  Scenario: Sharing that would make no difference is not allowed
    Given an ordinary lawful share
    And sharing would make no difference to the outcome for the person
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause A2.Q2

  @clause-A2.Q2 @fires
  Scenario: It must be shown that sharing would make a difference
    Given an ordinary lawful share
    And it is not known whether sharing would make a difference
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause A2.Q2

  @clause-A2.Q3 @clause-5.3 @fires
  Scenario Outline: Each test of proportionality must have been considered
    Given an ordinary lawful share
    And <consideration> has not been considered
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A2.Q3
    And the reason cites clause 5.3
    And the officer must refer to the Designated Officer

    Examples:
      | consideration                          |
      | sharing less information               |
      | another way of achieving the same aim  |
      | the impact on the person               |

  @clause-A2.Q3 @fires
  Scenario: Sensitive details must be needed for the purpose
    Given Warwickshire Police propose to share a victim's health information with Rugby Borough Council
    And it is not recorded that the sensitive details are needed
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A2.Q3
    And a condition is to record why the sensitive details are needed, or take them out before sharing

  @clause-4.4 @clause-5.3 @clause-A2.Q1 @clause-A2.Q2 @clause-A2.Q3 @clause-A11 @does-not-fire
  Scenario: A necessary, proportionate share raises none of these questions
    Given an ordinary lawful share
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.4 is not raised
    And clause 5.3 is not raised
    And clause A2.Q1 is not raised
    And clause A2.Q2 is not raised
    And clause A2.Q3 is not raised
    And clause A11 is not raised
