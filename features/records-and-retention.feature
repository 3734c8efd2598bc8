Feature: Records and retention
  Who it protects: the person the information is about, who is entitled to know it was shared,
  to have it kept no longer than needed, and to have it protected while it is kept.
  Why: Appendix 2 asks whether the sharing has been recorded and whether the information is in
  the right systems (questions 8 and 10). Information is kept only as long as necessary and then
  destroyed confidentially (7.5), under each partner's own retention policy (14.1), used only for
  the purpose it was asked for and not passed on (7.3), only by those who need to know (6.4,
  Appendix 3), and stored securely (7.4). Requests from the person for their data, and any breach,
  involve the partner who shared it (15.2, 13.1, 13.4). These are standing obligations: listed
  with every decision to share personal data, without turning a "share" into a "share with
  conditions", because they are duties that go with the information rather than steps before it
  moves.
  Clauses covered: 7.5, Appendix 2 questions 8 and 10 (A2.Q8, A2.Q10), 7.3, 7.4, 6.4, Appendix 3
  (A3); and 13.1, 13.4, 14.1 and 15.2 for the organisations.

  @clause-A2.Q8 @clause-A2.Q10 @clause-7.5 @clause-14.1 @fires
  Scenario: Every personal-data share carries the duties to record it and to keep it no longer than needed
    Given an ordinary lawful share
    When the share is checked against the protocol
    Then the answer is share
    And nothing needs to be done before sharing
    And a standing obligation cites clause A2.Q8
    And a standing obligation cites clause A2.Q10
    And a standing obligation cites clause 7.5
    And a standing obligation cites clause 14.1
    And a standing obligation is to record that the information was shared, with whom, when and why, in the relevant case system
    And a standing obligation is to keep it only as long as it is needed, then destroy it confidentially

  @clause-A2.Q8 @clause-A2.Q10 @clause-7.5 @clause-14.1 @does-not-fire
  Scenario: Anonymised figures carry no personal-data duties
    Given Warwickshire Police propose to share anonymised crime figures with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And no standing obligation cites clause A2.Q8
    And no standing obligation cites clause A2.Q10
    And no standing obligation cites clause 7.5
    And no standing obligation cites clause 14.1

  @clause-7.3 @clause-7.4 @clause-6.4 @clause-A3 @clause-15.2 @clause-13.1 @clause-13.4 @fires
  Scenario: The recipient takes on the duties that go with the information
    Given an ordinary lawful share
    When the share is checked against the protocol
    Then the answer is share
    And a standing obligation cites clause 7.3
    And a standing obligation cites clause 7.4
    And a standing obligation cites clause 6.4
    And a standing obligation cites clause A3
    And a standing obligation cites clause 15.2
    And a standing obligation cites clause 13.1
    And a standing obligation cites clause 13.4
    And a standing obligation is to use the information only for the purpose it was shared for
    And a standing obligation is to share it inside the receiving organisation only with people directly involved
    And a standing obligation is to consult the organisation that shared it before releasing anything
    And a standing obligation is to tell the sharing organisation at once

  @clause-7.3 @clause-7.4 @clause-6.4 @clause-A3 @clause-15.2 @clause-13.1 @clause-13.4 @does-not-fire
  Scenario: Aggregated figures carry none of the recipient's personal-data duties
    Given Warwickshire Police propose to share aggregated crime figures with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And no standing obligation cites clause 7.3
    And no standing obligation cites clause 7.4
    And no standing obligation cites clause 6.4
    And no standing obligation cites clause A3
    And no standing obligation cites clause 15.2
    And no standing obligation cites clause 13.1
    And no standing obligation cites clause 13.4
